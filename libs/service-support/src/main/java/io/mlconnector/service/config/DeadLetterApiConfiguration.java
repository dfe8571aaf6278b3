package io.mlconnector.service.config;

import io.mlconnector.service.kafka.DeadLetterBrowser;
import io.mlconnector.service.kafka.DeadLetters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The dead-letter API of a consuming service (imported by those only: never by the gateway, which takes outside
 * traffic). Like the other management APIs it has no authentication of its own; the chart's NetworkPolicy keeps it
 * in the cluster.
 * <pre>
 * GET  /api/dead-letters?topic=procore.webhook-events&amp;limit=50     newest dead letters (all consumed topics without topic)
 * POST /api/dead-letters/{topic}/{partition}/{offset}/redrive         republish one to its source topic
 * </pre>
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetterApiConfiguration {

    private static final int MAX_LIMIT = 1_000;

    @Bean
    public RouterFunction<ServerResponse> deadLetterRoutes(DeadLetterBrowser browser) {
        return RouterFunctions.route()
                .GET("/api/dead-letters", request -> list(browser, request))
                .POST("/api/dead-letters/{topic}/{partition}/{offset}/redrive", request -> redrive(browser, request))
                .build();
    }

    private static Mono<ServerResponse> list(DeadLetterBrowser browser, ServerRequest request) {
        List<String> topics = request.queryParam("topic").map(List::of).orElse(DeadLetters.CONSUMED_TOPICS);
        String unknown = topics.stream().filter(t -> !known(t)).findFirst().orElse(null);
        if (unknown != null) {
            return badRequest("unknown topic '" + unknown + "': dead letters exist for " + DeadLetters.CONSUMED_TOPICS);
        }
        int limit;
        try {
            limit = Integer.parseInt(request.queryParam("limit").orElse("100"));
        } catch (NumberFormatException e) {
            return badRequest("limit must be a whole number between 1 and " + MAX_LIMIT);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            return badRequest("limit must be a whole number between 1 and " + MAX_LIMIT);
        }
        return blocking(() -> {
            List<DeadLetterBrowser.DeadLetter> all = new ArrayList<>();
            topics.forEach(topic -> all.addAll(browser.list(topic, limit)));
            return all;
        }).flatMap(letters -> ServerResponse.ok().bodyValue(letters));
    }

    private static Mono<ServerResponse> redrive(DeadLetterBrowser browser, ServerRequest request) {
        String topic = request.pathVariable("topic");
        if (!known(topic)) {
            return badRequest("unknown topic '" + topic + "': dead letters exist for " + DeadLetters.CONSUMED_TOPICS);
        }
        int partition;
        long offset;
        try {
            partition = Integer.parseInt(request.pathVariable("partition"));
            offset = Long.parseLong(request.pathVariable("offset"));
        } catch (NumberFormatException e) {
            return badRequest("partition and offset must be whole numbers, as listed by GET /api/dead-letters");
        }
        return blocking(() -> browser.redrive(topic, partition, offset))
                .flatMap(done -> done.<Mono<ServerResponse>>map(r -> ServerResponse.ok().bodyValue(r))
                        .orElseGet(() -> ServerResponse.status(HttpStatus.NOT_FOUND).bodyValue(Map.of("error",
                                "no dead letter at " + topic + " partition " + partition + " offset " + offset))));
    }

    private static boolean known(String topic) {
        String source = topic.endsWith(DeadLetters.SUFFIX) ? DeadLetters.sourceOf(topic) : topic;
        return DeadLetters.CONSUMED_TOPICS.contains(source);
    }

    private static <T> Mono<T> blocking(java.util.concurrent.Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(IllegalStateException.class, e -> new org.springframework.web.server.ResponseStatusException(
                        HttpStatus.SERVICE_UNAVAILABLE, e.getMessage()));
    }

    private static Mono<ServerResponse> badRequest(String reason) {
        return ServerResponse.badRequest().bodyValue(Map.of("error", reason));
    }
}
