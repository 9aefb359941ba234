package io.anim3d.render;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_BITEXACT;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_GLOBALHEADER;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_CHANNEL_ORDER_UNSPEC;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_SAMPLE_FMT_FLTP;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_drain;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_free;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_read;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_size;
import static org.bytedeco.ffmpeg.global.avutil.av_audio_fifo_write;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_copy;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_default;
import static org.bytedeco.ffmpeg.global.avutil.av_channel_layout_uninit;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.swresample.swr_alloc_set_opts2;
import static org.bytedeco.ffmpeg.global.swresample.swr_convert_frame;
import static org.bytedeco.ffmpeg.global.swresample.swr_free;
import static org.bytedeco.ffmpeg.global.swresample.swr_init;

import java.io.IOException;
import java.util.Arrays;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVAudioFifo;
import org.bytedeco.ffmpeg.avutil.AVChannelLayout;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.swresample.SwrContext;

/**
 * Decodes a source audio stream and encodes it again as AAC (FFmpeg's native LGPL encoder), cut
 * to the clip's exact sample range, for sources whose codec cannot go into MP4 as it is.
 *
 * <p>Samples flow: packets → decoder → resampler (planar float, the same rate when AAC allows it,
 * at most 2 channels) → a FIFO whose first sample has the output sample index
 * {@link #fifoStart} → AAC frames of 1024 samples whose timestamp is that index. The first
 * decoded frame places the audio on the output timeline; later frames are taken as continuous
 * (gaps in the source's timestamps are not filled).
 */
final class AacTranscoder {
    /** The sample rates FFmpeg's AAC encoder accepts; others are resampled to {@value #FALLBACK_RATE} Hz. */
    private static final int[] AAC_RATES = {7350, 8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000, 64000,
            88200, 96000};
    private static final int FALLBACK_RATE = 48000;
    /** 64 kbit/s per channel: transparent for speech and most music with FFmpeg's AAC encoder. */
    private static final long BITS_PER_SECOND_PER_CHANNEL = 64_000;

    private final NativeParts n = new NativeParts();
    private final String what;
    private int rate;
    private AVStream out;
    /** Output sample index of the FIFO's first sample; Long.MIN_VALUE until the first frame is decoded. */
    private long fifoStart = Long.MIN_VALUE;
    private boolean decoderFlushed;
    private boolean finished;

    private AacTranscoder(String what) {
        this.what = what;
    }

    /** Whether this build can decode {@code in}'s codec (else its audio cannot be used at all). */
    static boolean canDecode(AVStream in) {
        AVCodec c = avcodec_find_decoder(in.codecpar().codec_id());
        return c != null && !c.isNull();
    }

    /**
     * Opens the decoder for {@code in} and an AAC encoder feeding {@code out}, a new stream of
     * {@code output} whose header is not written yet.
     *
     * @param what the source for messages, e.g. "clip.mkv (opus)"
     */
    static AacTranscoder open(AVStream in, AVStream out, AVFormatContext output, String what) throws IOException {
        AacTranscoder t = new AacTranscoder(what);
        try {
            t.start(in, out, output);
            return t;
        } catch (IOException | RuntimeException e) {
            t.release();
            throw e;
        }
    }

    private void start(AVStream in, AVStream outStream, AVFormatContext output) throws IOException {
        this.out = outStream;
        AVCodec decoderCodec = avcodec_find_decoder(in.codecpar().codec_id());
        if (decoderCodec == null || decoderCodec.isNull()) {
            throw new IOException("this FFmpeg build cannot decode the audio of " + what);
        }
        n.decoder = avcodec_alloc_context3(decoderCodec);
        if (n.decoder == null || n.decoder.isNull()) {
            throw new OutOfMemoryError("FFmpeg could not allocate the audio decoder");
        }
        FfmpegStatus.check(avcodec_parameters_to_context(n.decoder, in.codecpar()), "reading the audio parameters of " + what);
        n.decoder.pkt_timebase(in.time_base());
        n.decoder.thread_count(1);
        FfmpegStatus.check(avcodec_open2(n.decoder, decoderCodec, (AVDictionary) null), "opening the audio decoder for " + what);

        int sourceRate = n.decoder.sample_rate();
        rate = Arrays.binarySearch(AAC_RATES, sourceRate) >= 0 ? sourceRate : FALLBACK_RATE;
        int channels = Math.max(1, Math.min(2, n.decoder.ch_layout().nb_channels()));
        AVCodec aac = avcodec_find_encoder_by_name("aac");
        if (aac == null || aac.isNull()) {
            throw new IllegalStateException("this FFmpeg build has no native AAC encoder");
        }
        n.encoder = avcodec_alloc_context3(aac);
        if (n.encoder == null || n.encoder.isNull()) {
            throw new OutOfMemoryError("FFmpeg could not allocate the AAC encoder");
        }
        AVCodecContext e = n.encoder;
        e.sample_fmt(AV_SAMPLE_FMT_FLTP);
        e.sample_rate(rate);
        av_channel_layout_default(e.ch_layout(), channels);
        e.bit_rate(BITS_PER_SECOND_PER_CHANNEL * channels);
        n.timeBase = new AVRational().num(1).den(rate);
        e.time_base(n.timeBase);
        e.thread_count(1);
        e.flags(e.flags() | AV_CODEC_FLAG_BITEXACT);
        if ((output.oformat().flags() & AVFMT_GLOBALHEADER) != 0) {
            e.flags(e.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
        }
        FfmpegStatus.check(avcodec_open2(e, aac, (AVDictionary) null), "opening the AAC encoder at " + rate + " Hz");
        FfmpegStatus.check(avcodec_parameters_from_context(outStream.codecpar(), e), "copying the AAC parameters");
        outStream.time_base(e.time_base());

        n.inLayout = new AVChannelLayout();
        if (n.decoder.ch_layout().order() == AV_CHANNEL_ORDER_UNSPEC) {
            // Channels without names (some PCM and AVI files): assume the usual layout of that count.
            av_channel_layout_default(n.inLayout, Math.max(1, n.decoder.ch_layout().nb_channels()));
        } else {
            FfmpegStatus.check(av_channel_layout_copy(n.inLayout, n.decoder.ch_layout()), "reading the channel layout");
        }
        n.swr = new SwrContext(null);
        FfmpegStatus.check(swr_alloc_set_opts2(n.swr, e.ch_layout(), AV_SAMPLE_FMT_FLTP, rate, n.inLayout,
                n.decoder.sample_fmt(), sourceRate, 0, null), "setting up the audio resampler for " + what);
        FfmpegStatus.check(swr_init(n.swr), "starting the audio resampler for " + what);
        n.fifo = av_audio_fifo_alloc(AV_SAMPLE_FMT_FLTP, channels, Math.max(e.frame_size(), 1024) * 4);
        n.decoded = av_frame_alloc();
        n.converted = av_frame_alloc();
        n.chunk = av_frame_alloc();
        n.packet = av_packet_alloc();
        if (n.fifo == null || n.fifo.isNull() || n.decoded == null || n.converted == null || n.chunk == null
                || n.packet == null) {
            throw new OutOfMemoryError("FFmpeg could not allocate the audio buffers");
        }
        n.chunk.format(AV_SAMPLE_FMT_FLTP).sample_rate(rate).nb_samples(e.frame_size());
        FfmpegStatus.check(av_channel_layout_copy(n.chunk.ch_layout(), e.ch_layout()), "setting the frame layout");
        FfmpegStatus.check(av_frame_get_buffer(n.chunk, 0), "allocating an audio frame");
    }

    /** Output time up to which samples are decoded, seconds; −∞ before the first decoded frame. */
    double bufferedUntilSeconds() {
        return fifoStart == Long.MIN_VALUE ? Double.NEGATIVE_INFINITY
                : (double) (fifoStart + av_audio_fifo_size(n.fifo)) / rate;
    }

    /**
     * Decodes one packet (null: the source ended, flush the decoder) into the FIFO.
     *
     * @param originPts the output's time 0 in the source stream's time base
     * @param timeBase  seconds per unit of the source stream's time base
     */
    void decode(AVPacket packet, long originPts, double timeBase) throws IOException {
        if (packet == null) {
            if (decoderFlushed) {
                return;
            }
            decoderFlushed = true;
        }
        // A packet the decoder rejects (damaged data) is skipped, as players do.
        avcodec_send_packet(n.decoder, packet);
        while (true) {
            int ret = avcodec_receive_frame(n.decoder, n.decoded);
            if (ret < 0) {
                // EAGAIN: it needs the next packet; EOF: flushed; anything else: a damaged frame, skipped.
                return;
            }
            if (fifoStart == Long.MIN_VALUE) {
                long ts = n.decoded.best_effort_timestamp();
                double seconds = ts == AV_NOPTS_VALUE ? 0 : (ts - originPts) * timeBase;
                fifoStart = Math.round(seconds * rate);
            }
            n.converted.format(AV_SAMPLE_FMT_FLTP).sample_rate(rate);
            FfmpegStatus.check(av_channel_layout_copy(n.converted.ch_layout(), n.encoder.ch_layout()), "setting the layout");
            int conv = swr_convert_frame(n.swr, n.converted, n.decoded);
            av_frame_unref(n.decoded);
            if (conv < 0) {
                // The source changed its format mid-stream; its remaining audio is left out.
                av_frame_unref(n.converted);
                continue;
            }
            append(n.converted);
            av_frame_unref(n.converted);
        }
    }

    private void append(AVFrame frame) throws IOException {
        int count = frame.nb_samples();
        if (count <= 0) {
            return;
        }
        FfmpegStatus.check(av_audio_fifo_write(n.fifo, frame.extended_data(), count), "buffering audio samples");
        // Samples before output time 0 belong to the part of the source that was trimmed away.
        if (fifoStart < 0) {
            int drop = (int) Math.min(av_audio_fifo_size(n.fifo), -fifoStart);
            av_audio_fifo_drain(n.fifo, drop);
            fifoStart += drop;
        }
    }

    /**
     * Encodes the buffered samples in whole AAC frames, none beyond output time {@code endSeconds};
     * with {@code last}, also the rest (a shorter final frame) and the encoder's delayed packets.
     */
    void encode(AVFormatContext output, double endSeconds, boolean last) throws IOException {
        if (finished || fifoStart == Long.MIN_VALUE && !last) {
            return;
        }
        // Half of Long's range: "no end yet" without overflow in endSample - fifoStart.
        long endSample = Double.isInfinite(endSeconds) ? Long.MAX_VALUE / 2 : Math.round(endSeconds * rate);
        int frameSize = n.encoder.frame_size();
        if (last && fifoStart != Long.MIN_VALUE) {
            n.converted.format(AV_SAMPLE_FMT_FLTP).sample_rate(rate);
            FfmpegStatus.check(av_channel_layout_copy(n.converted.ch_layout(), n.encoder.ch_layout()), "setting the layout");
            if (swr_convert_frame(n.swr, n.converted, null) >= 0) {
                append(n.converted);
            }
            av_frame_unref(n.converted);
        }
        while (fifoStart != Long.MIN_VALUE) {
            int available = (int) Math.min(av_audio_fifo_size(n.fifo), Math.max(0, endSample - fifoStart));
            int count = Math.min(frameSize, available);
            if (count == 0 || count < frameSize && !last) {
                break;
            }
            FfmpegStatus.check(av_frame_make_writable(n.chunk), "preparing an audio frame");
            FfmpegStatus.check(av_audio_fifo_read(n.fifo, n.chunk.data(), count), "reading buffered audio");
            n.chunk.nb_samples(count);
            n.chunk.pts(fifoStart);
            fifoStart += count;
            FfmpegStatus.check(avcodec_send_frame(n.encoder, n.chunk), "encoding audio at sample " + n.chunk.pts());
            n.chunk.nb_samples(frameSize);
            drain(output);
            if (count < frameSize) {
                break;
            }
        }
        if (last) {
            finished = true;
            FfmpegStatus.check(avcodec_send_frame(n.encoder, null), "flushing the AAC encoder");
            drain(output);
        }
    }

    private void drain(AVFormatContext output) throws IOException {
        while (true) {
            int ret = avcodec_receive_packet(n.encoder, n.packet);
            if (ret == FfmpegStatus.EAGAIN || ret == AVERROR_EOF) {
                return;
            }
            FfmpegStatus.check(ret, "receiving an AAC packet");
            av_packet_rescale_ts(n.packet, n.encoder.time_base(), out.time_base());
            n.packet.stream_index(out.index());
            FfmpegStatus.check(av_interleaved_write_frame(output, n.packet), "writing an audio packet");
        }
    }

    /** Frees every native resource; safe to call twice. */
    void release() {
        n.release();
    }

    private static final class NativeParts {
        AVCodecContext decoder;
        AVCodecContext encoder;
        SwrContext swr;
        AVAudioFifo fifo;
        AVFrame decoded;
        AVFrame converted;
        AVFrame chunk;
        AVPacket packet;
        AVChannelLayout inLayout;
        AVRational timeBase;

        void release() {
            if (swr != null) {
                swr_free(swr);
                swr = null;
            }
            if (fifo != null && !fifo.isNull()) {
                av_audio_fifo_free(fifo);
            }
            fifo = null;
            for (AVFrame f : new AVFrame[] {decoded, converted, chunk}) {
                if (f != null && !f.isNull()) {
                    av_frame_free(f);
                }
            }
            decoded = null;
            converted = null;
            chunk = null;
            if (packet != null && !packet.isNull()) {
                av_packet_free(packet);
            }
            packet = null;
            if (decoder != null) {
                avcodec_free_context(decoder);
                decoder = null;
            }
            if (encoder != null) {
                avcodec_free_context(encoder);
                encoder = null;
            }
            if (inLayout != null) {
                av_channel_layout_uninit(inLayout);
                inLayout.close();
                inLayout = null;
            }
            if (timeBase != null) {
                timeBase.close();
                timeBase = null;
            }
        }
    }
}
