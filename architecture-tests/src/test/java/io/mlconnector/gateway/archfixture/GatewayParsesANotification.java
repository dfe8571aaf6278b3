package io.mlconnector.gateway.archfixture;

import io.mlconnector.bc.BcNotificationResource;

/** Allowed, for RulesCatchViolationsTest: the named exception, a parser of the notification itself. */
public class GatewayParsesANotification {
    BcNotificationResource resource;
}
