package io.anim3d.server.params;

import io.anim3d.capture.CaptureException;
import io.anim3d.capture.ErrorCode;
import java.util.List;

/**
 * The {@code /process} params were rejected: the API answers 400 with {@link #getMessage()}, the
 * CLI prints it. It lists every problem found, not only the first, so that a client fixes its
 * request in one go; each problem names the parameter, the value given and what is allowed.
 * Its code is {@link ErrorCode#PARAMS} (the spec's 503, "Error processing the parameters").
 */
public final class ParamException extends CaptureException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public ParamException(List<String> problems) {
        super(ErrorCode.PARAMS, message(problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem as one sentence, in the order of the params. */
    public List<String> problems() {
        return problems;
    }

    private static String message(List<String> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ParamException needs at least one problem");
        }
        if (problems.size() == 1) {
            return problems.get(0);
        }
        return problems.size() + " problems with the params: " + String.join("; ", problems);
    }
}
