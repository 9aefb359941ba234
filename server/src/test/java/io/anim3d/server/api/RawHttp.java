package io.anim3d.server.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A request written by hand on a socket, for what java.net.http refuses to send: a
 * {@code Content-Length} that the body does not match (a client announcing 5 GB).
 */
final class RawHttp {
    private RawHttp() {
    }

    /** Status line and body (up to 64 KB) of the answer to a head-only request; the announced body is never sent. */
    static String[] headOnly(String method, String url, long contentLength, String... headers) throws IOException {
        URI u = URI.create(url);
        try (Socket s = new Socket(u.getHost(), u.getPort())) {
            s.setSoTimeout(30_000);
            StringBuilder req = new StringBuilder(method + " " + u.getRawPath()
                    + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery()) + " HTTP/1.1\r\n");
            req.append("Host: ").append(u.getHost()).append(':').append(u.getPort()).append("\r\n");
            req.append("Content-Length: ").append(contentLength).append("\r\n");
            for (int i = 0; i < headers.length; i += 2) {
                req.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
            req.append("\r\n");
            OutputStream out = s.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[65536];
            int n = 0;
            int r;
            while (n < buf.length && (r = in.read(buf, n, buf.length - n)) > 0) {
                n += r;
                String text = new String(buf, 0, n, StandardCharsets.UTF_8);
                int headEnd = text.indexOf("\r\n\r\n");
                if (headEnd >= 0) {
                    int cl = text.toLowerCase().indexOf("content-length:");
                    if (cl >= 0 && cl < headEnd) {
                        int end = text.indexOf("\r\n", cl);
                        int len = Integer.parseInt(text.substring(cl + 15, end).strip());
                        if (n >= headEnd + 4 + len) {
                            break;
                        }
                    }
                }
            }
            String text = new String(buf, 0, n, StandardCharsets.UTF_8);
            int headEnd = text.indexOf("\r\n\r\n");
            return new String[] {text.substring(0, text.indexOf("\r\n")), headEnd < 0 ? "" : text.substring(headEnd + 4)};
        }
    }
}
