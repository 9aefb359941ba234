package io.anim3d.render;

import static org.bytedeco.ffmpeg.global.avutil.AV_DICT_IGNORE_SUFFIX;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_count;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_get;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;

/**
 * An FFmpeg option dictionary for one open call. FFmpeg removes the entries it used, so what is
 * left afterwards names options it did not know: {@link #requireAllUsed} turns a typo or an
 * option of another encoder into an error instead of a silent no-op.
 */
final class FfmpegOptions implements AutoCloseable {
    private final AVDictionary dictionary = new AVDictionary(null);

    FfmpegOptions(Map<String, String> entries) throws IOException {
        // Sorted so FFmpeg applies the options in the same order on every run.
        for (Map.Entry<String, String> e : new TreeMap<>(entries).entrySet()) {
            FfmpegStatus.check(av_dict_set(dictionary, e.getKey(), e.getValue(), 0),
                    "setting option " + e.getKey() + "=" + e.getValue());
        }
    }

    AVDictionary dictionary() {
        return dictionary;
    }

    void requireAllUsed(String user) throws IOException {
        if (dictionary.isNull() || av_dict_count(dictionary) == 0) {
            return;
        }
        List<String> unused = new ArrayList<>();
        AVDictionaryEntry entry = null;
        while ((entry = av_dict_get(dictionary, "", entry, AV_DICT_IGNORE_SUFFIX)) != null && !entry.isNull()) {
            unused.add(entry.key().getString() + "=" + entry.value().getString());
        }
        throw new IOException(user + " does not know the option(s) " + unused);
    }

    @Override
    public void close() {
        av_dict_free(dictionary);
    }
}
