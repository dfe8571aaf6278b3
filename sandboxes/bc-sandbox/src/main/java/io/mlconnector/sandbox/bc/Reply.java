package io.mlconnector.sandbox.bc;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** One HTTP answer of the sandbox. */
record Reply(int status, String body, Map<String, String> headers) {

    static final String JSON = "application/json; odata.metadata=minimal; odata.streaming=true";

    static Reply json(int status, JsonNode body) {
        return new Reply(status, Json.write(body), Map.of("Content-Type", JSON));
    }

    static Reply noContent() {
        return new Reply(204, "", Map.of());
    }

    /** BC's error JSON; the message ends in {@code "  CorrelationId:  <guid>."} like the real service. */
    static Reply error(BcError e) {
        ObjectNode error = Json.object();
        error.putObject("error").put("code", e.code)
                .put("message", e.getMessage() + "  CorrelationId:  " + UUID.randomUUID() + ".");
        Map<String, String> headers = new LinkedHashMap<>(e.headers);
        headers.put("Content-Type", "application/json; charset=utf-8");
        return new Reply(e.status, Json.write(error), headers);
    }
}
