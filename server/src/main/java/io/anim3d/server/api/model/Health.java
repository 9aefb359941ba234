package io.anim3d.server.api.model;

/** {@code GET /health}: {@code {"status":"ok"}} while the process serves requests. */
public record Health(String status) {
    public static final Health OK = new Health("ok");
}
