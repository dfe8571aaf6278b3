package io.mlconnector.vendorsync.notification;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code resource} of a BC notification (bc-api.md 5.4): {@code api/v2.0/companies({c})/vendors({id})} for
 * created/updated/deleted, {@code api/v2.0/companies({c})/vendors?$filter=lastModifiedDateTime%20gt%20<t>} (or no
 * filter at all) for {@code collection}.
 *
 * @param since the collection's lower bound, null when BC sent no filter (= re-read everything)
 */
public record BcResource(UUID companyId, String entitySet, UUID entityId, Instant since) {

    private static final Pattern PATH = Pattern.compile(
            "companies\\(([0-9a-fA-F-]{36})\\)/([A-Za-z]+)(?:\\(([0-9a-fA-F-]{36})\\))?/?(?:\\?(.*))?$");
    private static final Pattern SINCE = Pattern.compile("lastModifiedDateTime\\s+gt\\s+([0-9T:.Z+-]+)");

    public static Optional<BcResource> parse(String resource) {
        if (resource == null) {
            return Optional.empty();
        }
        Matcher m = PATH.matcher(resource.strip());
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            UUID company = UUID.fromString(m.group(1));
            UUID entity = m.group(3) == null ? null : UUID.fromString(m.group(3));
            Instant since = null;
            if (m.group(4) != null) {
                Matcher s = SINCE.matcher(URLDecoder.decode(m.group(4).replace("+", "%2B"), StandardCharsets.UTF_8));
                if (s.find()) {
                    since = Instant.parse(s.group(1));
                }
            }
            return Optional.of(new BcResource(company, m.group(2), entity, since));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
