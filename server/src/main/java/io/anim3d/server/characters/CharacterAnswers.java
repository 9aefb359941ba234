package io.anim3d.server.characters;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;

/**
 * The JSON answers of {@code /character/*}, field names as the spec and its clients expect
 * (COMPAT.md "/list, /account, /character"). Strings are never null.
 */
public final class CharacterAnswers {
    private CharacterAnswers() {
    }

    /** {@code GET /character/getModelUploadUrl}: where to PUT the model and the thumbnail. */
    public record UploadUrls(String modelUrl, String thumbUrl) {
        public UploadUrls {
            Objects.requireNonNull(modelUrl, "modelUrl");
            Objects.requireNonNull(thumbUrl, "thumbUrl");
        }
    }

    /** {@code POST /character/storeModel}: the id to pass to {@code /process} as {@code model}. */
    public record ModelId(String modelId) {
        public ModelId {
            Objects.requireNonNull(modelId, "modelId");
        }
    }

    /**
     * One character of {@code GET /character/listModels}. The clients read {@code id}, the spec
     * writes {@code Id}: both are sent.
     *
     * @param thumb    signed download URL of the thumbnail, or "" when there is none
     * @param platform {@code custom} for the client's own, {@code stock} for ours
     * @param ctime    creation time, milliseconds since the epoch (0 for stock characters)
     * @param mtime    last change, milliseconds since the epoch (0 for stock characters)
     */
    public record Model(String id, @JsonProperty("Id") String upperId, String name, String thumb, String rigId,
                        String platform, long ctime, long mtime) {
        public Model {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(upperId, "upperId");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(thumb, "thumb");
            Objects.requireNonNull(rigId, "rigId");
            Objects.requireNonNull(platform, "platform");
        }
    }

    /** {@code GET /character/listModels}: {@code {"list": [...]}}. */
    public record ModelList(List<Model> list) {
        public ModelList {
            list = List.copyOf(list);
        }
    }

    /** {@code DELETE /character/deleteModel/<id>}: how many characters were deleted. */
    public record Deleted(int count) {
    }
}
