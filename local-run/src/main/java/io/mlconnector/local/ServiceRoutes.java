package io.mlconnector.local;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.RequestMappingInfoHandlerMapping;
import reactor.core.publisher.Mono;

/**
 * Every HTTP address a running service answers, read from the service itself: its annotated controllers and the
 * actuator's endpoints (both {@link RequestMappingInfoHandlerMapping}s) and its functional routes
 * ({@link RouterFunction} beans). Printed at start so the list of management addresses is never a stale copy.
 */
final class ServiceRoutes {

    private ServiceRoutes() {
    }

    /** "GET, PUT" per path, sorted by path. */
    static Map<String, String> of(ApplicationContext context) {
        Map<String, Set<String>> methods = new TreeMap<>();
        for (RequestMappingInfoHandlerMapping mapping
                : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<String> verbs = new TreeSet<>();
                info.getMethodsCondition().getMethods().forEach(m -> verbs.add(m.name()));
                info.getPatternsCondition().getPatterns()
                        .forEach(p -> add(methods, p.getPatternString(), verbs));
            }
        }
        for (RouterFunction<?> router : context.getBeansOfType(RouterFunction.class).values()) {
            router.accept(new Routes(methods));
        }
        Map<String, String> out = new TreeMap<>();
        methods.forEach((path, verbs) -> out.put(path, verbs.isEmpty() ? "any" : String.join(", ", verbs)));
        return out;
    }

    private static void add(Map<String, Set<String>> methods, String path, Set<String> verbs) {
        methods.computeIfAbsent(path, p -> new TreeSet<>()).addAll(verbs);
    }

    /** Walks a router: nested prefixes, then each route's methods and paths. */
    private static final class Routes implements RouterFunctions.Visitor {

        private final Map<String, Set<String>> methods;
        private final Deque<String> prefixes = new ArrayDeque<>();

        Routes(Map<String, Set<String>> methods) {
            this.methods = methods;
        }

        @Override
        public void startNested(RequestPredicate predicate) {
            Predicate read = Predicate.of(predicate);
            prefixes.push(prefix() + (read.paths.isEmpty() ? "" : read.paths.get(0)));
        }

        @Override
        public void endNested(RequestPredicate predicate) {
            prefixes.pop();
        }

        @Override
        public void route(RequestPredicate predicate, HandlerFunction<?> handlerFunction) {
            Predicate read = Predicate.of(predicate);
            for (String path : read.paths.isEmpty() ? List.of("") : read.paths) {
                add(methods, prefix() + path, read.methods);
            }
        }

        @Override
        public void resources(Function<ServerRequest, Mono<Resource>> lookupFunction) {
            // static resources: none of the services serves any
        }

        @Override
        public void attributes(Map<String, Object> attributes) {
        }

        @Override
        public void unknown(RouterFunction<?> routerFunction) {
        }

        private String prefix() {
            return prefixes.isEmpty() ? "" : prefixes.peek();
        }
    }

    /** The methods and path patterns a predicate names (headers, parameters and negations left out). */
    private static final class Predicate implements RequestPredicates.Visitor {

        final Set<String> methods = new TreeSet<>();
        final List<String> paths = new ArrayList<>();

        static Predicate of(RequestPredicate predicate) {
            Predicate read = new Predicate();
            predicate.accept(read);
            return read;
        }

        @Override
        public void method(Set<HttpMethod> methods) {
            methods.forEach(m -> this.methods.add(m.name()));
        }

        @Override
        public void path(String pattern) {
            paths.add(pattern);
        }

        @Override
        public void pathExtension(String extension) {
        }

        @Override
        public void header(String name, String value) {
        }

        @Override
        public void version(String version) {
        }

        @Override
        public void queryParam(String name, String value) {
        }

        @Override
        public void startAnd() {
        }

        @Override
        public void and() {
        }

        @Override
        public void endAnd() {
        }

        @Override
        public void startOr() {
        }

        @Override
        public void or() {
        }

        @Override
        public void endOr() {
        }

        @Override
        public void startNegate() {
        }

        @Override
        public void endNegate() {
        }

        @Override
        public void unknown(RequestPredicate predicate) {
        }
    }
}
