package io.mlconnector.gateway.archfixture;

import io.mlconnector.schemas.BcNotificationResource;

/** Allowed, for RulesCatchViolationsTest: a parser of the notification itself, from schemas. */
public class GatewayParsesANotification {
    BcNotificationResource resource;
}
