package io.anim3d.server.characters;

import io.anim3d.server.net.OutboundTargets;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Downloads a remote model or thumbnail ({@code storeModel} with an external http(s) URL, when the
 * operator allows remote URLs). The URL is checked by {@link OutboundTargets} first and the
 * connection goes to one of the addresses that check resolved, never to a fresh DNS lookup, so a
 * host cannot pass the check with a public address and then be reached at a private one. That is
 * why this is a small HTTP/1.1 client on a socket: Java's HttpClient always resolves the host
 * itself. TLS still verifies the certificate against the host name (SNI and endpoint
 * identification). Redirects are not followed (their target would escape the check); the answer
 * must be 200 with an identity-encoded body, which is bounded in size and in time.
 */
final class RemoteFiles {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Longest wait for any one read: a server that stops sending is given up on. */
    static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    /** Longest whole download: a server trickling bytes cannot hold a request thread for long. */
    static final Duration TOTAL_TIMEOUT = Duration.ofMinutes(5);
    static final int MAX_LINE_BYTES = 8 * 1024;
    static final int MAX_HEADERS = 100;

    private final OutboundTargets targets;

    RemoteFiles(OutboundTargets targets) {
        this.targets = Objects.requireNonNull(targets, "targets");
    }

    /** An open download: its body stream, and the size the server announced (-1 when it did not). */
    record Download(InputStream body, long announcedBytes) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            body.close();
        }
    }

    /**
     * Connects and reads the answer's head.
     *
     * @param maxBytes refuse at once when the server announces more
     * @throws io.anim3d.server.net.TargetRefusedException when the URL may not be called
     * @throws CharacterException when the server's answer is not a downloadable file
     * @throws IOException when the connection fails
     */
    Download open(String url, long maxBytes) throws IOException {
        OutboundTargets.Target target = targets.check(url);
        URI uri = target.uri();
        boolean tls = uri.getScheme().equalsIgnoreCase("https");
        int port = uri.getPort() >= 0 ? uri.getPort() : tls ? 443 : 80;
        String host = hostOf(uri);
        Socket socket = connect(target.addresses(), port);
        try {
            socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
            if (tls) {
                socket = startTls(socket, host, port);
            }
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            String defaultPort = tls ? ":443" : ":80";
            String hostHeader = uri.getRawAuthority().replaceFirst("^.*@", "");
            if (hostHeader.endsWith(defaultPort)) {
                hostHeader = hostHeader.substring(0, hostHeader.length() - defaultPort.length());
            }
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + query + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nUser-Agent: anim3d\r\n"
                    + "Accept: */*\r\nAccept-Encoding: identity\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = new Deadline(new BufferedInputStream(socket.getInputStream()), System.nanoTime()
                    + TOTAL_TIMEOUT.toNanos(), socket);
            String status = line(in);
            String[] parts = status.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
                throw new IOException("the server did not answer with HTTP/1.x");
            }
            Map<String, String> headers = headers(in);
            int code = parseStatus(parts[1]);
            if (code >= 300 && code < 400) {
                throw CharacterException.invalid("The URL " + shown(url) + " redirects (HTTP " + code + "); redirects are "
                        + "not followed, so send the final download URL");
            }
            if (code != 200) {
                throw CharacterException.invalid("The URL " + shown(url) + " answered HTTP " + code
                        + " instead of the file; send a direct download link");
            }
            String encoding = headers.getOrDefault("content-encoding", "identity").strip().toLowerCase(Locale.ROOT);
            if (!encoding.equals("identity")) {
                throw CharacterException.invalid("The URL " + shown(url) + " sent the file " + encoding
                        + "-encoded; serve it without Content-Encoding");
            }
            long length = -1;
            if (headers.containsKey("content-length")) {
                try {
                    length = Long.parseLong(headers.get("content-length").strip());
                } catch (NumberFormatException e) {
                    throw new IOException("the server sent an invalid Content-Length");
                }
                if (length > maxBytes) {
                    throw CharacterException.invalid("The file at " + shown(url) + " is " + length
                            + " bytes; at most " + maxBytes + " are accepted");
                }
            }
            boolean chunked = headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT).contains("chunked");
            InputStream body = chunked ? new Chunked(in) : length >= 0 ? new Limited(in, length) : in;
            Socket owned = socket;
            return new Download(new FilterInputStream(body) {
                @Override
                public void close() throws IOException {
                    owned.close();
                }
            }, chunked ? -1 : length);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** The URL as shown in messages: without its query string, which may carry a token. */
    static String shown(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    private static String hostOf(URI uri) {
        String host = uri.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static Socket connect(List<InetAddress> addresses, int port) throws IOException {
        IOException last = null;
        for (InetAddress address : addresses) {
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress(address, port), (int) CONNECT_TIMEOUT.toMillis());
                return s;
            } catch (IOException e) {
                s.close();
                last = e;
            }
        }
        throw new IOException("cannot connect to port " + port + " of the host: "
                + (last == null ? "no address" : last.getMessage()), last);
    }

    private static Socket startTls(Socket plain, String host, int port) throws IOException {
        SSLSocket ssl = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(plain, host, port, true);
        SSLParameters params = ssl.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS");
        if (!host.contains(":") && !host.matches("[0-9.]+")) {
            params.setServerNames(List.of(new SNIHostName(host)));
        }
        ssl.setSSLParameters(params);
        ssl.startHandshake();
        return ssl;
    }

    private static int parseStatus(String s) throws IOException {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw new IOException("the server sent an invalid status line");
        }
    }

    /** Header fields by lower-case name (a repeated one: the last); at most {@value #MAX_HEADERS}. */
    private static Map<String, String> headers(InputStream in) throws IOException {
        Map<String, String> out = new HashMap<>();
        for (int n = 0; ; n++) {
            String line = line(in);
            if (line.isEmpty()) {
                return out;
            }
            if (n >= MAX_HEADERS) {
                throw new IOException("the server sent more than " + MAX_HEADERS + " header fields");
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                out.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
        }
    }

    /** One CRLF- (or LF-) terminated line of at most {@value #MAX_LINE_BYTES} bytes, without its end. */
    static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("the server closed the connection in the middle of the answer's head");
            }
            if (c == '\n') {
                String s = b.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            if (b.size() >= MAX_LINE_BYTES) {
                throw new IOException("the server sent a line longer than " + MAX_LINE_BYTES + " bytes");
            }
            b.write(c);
        }
    }

    /** Exactly {@code remaining} bytes; fewer is an error (the download was cut off). */
    private static final class Limited extends FilterInputStream {
        private long remaining;

        Limited(InputStream in, long length) {
            super(in);
            this.remaining = length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining == 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n < 0) {
                throw new IOException("the download ended " + remaining + " bytes before its announced length");
            }
            remaining -= n;
            return n;
        }
    }

    /** HTTP/1.1 chunked transfer coding (RFC 9112 section 7.1); trailers are read and dropped. */
    private static final class Chunked extends FilterInputStream {
        private long left;
        private boolean done;

        Chunked(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (done) {
                return -1;
            }
            if (left == 0) {
                String size = line(in);
                int semicolon = size.indexOf(';');
                try {
                    left = Long.parseLong((semicolon < 0 ? size : size.substring(0, semicolon)).strip(), 16);
                } catch (NumberFormatException e) {
                    throw new IOException("the server sent an invalid chunk size");
                }
                if (left < 0) {
                    throw new IOException("the server sent an invalid chunk size");
                }
                if (left == 0) {
                    for (int n = 0; !line(in).isEmpty(); n++) {
                        if (n >= MAX_HEADERS) {
                            throw new IOException("the server sent too many trailer fields");
                        }
                    }
                    done = true;
                    return -1;
                }
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                throw new IOException("the download ended inside a chunk");
            }
            left -= n;
            if (left == 0 && !line(in).isEmpty()) {
                throw new IOException("a chunk was not followed by CRLF");
            }
            return n;
        }
    }

    /** Fails reads after the deadline and closes the socket, so a trickling server cannot keep us. */
    private static final class Deadline extends FilterInputStream {
        private final long deadlineNanos;
        private final Socket socket;

        Deadline(InputStream in, long deadlineNanos, Socket socket) {
            super(in);
            this.deadlineNanos = deadlineNanos;
            this.socket = socket;
        }

        private void check() throws IOException {
            if (System.nanoTime() - deadlineNanos > 0) {
                socket.close();
                throw new IOException("the download took longer than " + TOTAL_TIMEOUT.toMinutes() + " minutes");
            }
        }

        @Override
        public int read() throws IOException {
            check();
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            check();
            return in.read(b, off, len);
        }
    }
}
