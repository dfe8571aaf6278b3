package io.mlconnector.oauth;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/** WebClients over Reactor Netty with a pool big enough for the concurrency tests (the default queues 48). */
final class TestHttp {

    private TestHttp() {
    }

    static WebClient client() {
        return WebClient.builder().clientConnector(connector()).build();
    }

    static WebClient client(ExchangeFilterFunction filter) {
        return WebClient.builder().clientConnector(connector()).filter(filter).build();
    }

    private static ReactorClientHttpConnector connector() {
        return new ReactorClientHttpConnector(HttpClient.create(
                ConnectionProvider.builder("oauth-test").maxConnections(128).pendingAcquireMaxCount(1024).build()));
    }
}
