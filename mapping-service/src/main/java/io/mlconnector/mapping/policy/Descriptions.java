package io.mlconnector.mapping.policy;

import io.mlconnector.events.CostDocumentLine;

/** Line and document descriptions; BC's Description is Text[100] (length unconfirmed, docs/api-facts.md). */
public final class Descriptions {
    public static final int MAX = 100;

    private Descriptions() {
    }

    public static String line(CostDocumentLine line) {
        if (line.getDescription() != null && !line.getDescription().isBlank()) {
            return fit(line.getDescription());
        }
        if (line.getCostCode() != null) {
            String name = line.getCostCode().getName();
            return fit(line.getCostCode().getFullCode() + (name == null ? "" : " " + name));
        }
        return null;
    }

    public static String fit(String text) {
        if (text == null) return null;
        String trimmed = text.strip();
        return trimmed.length() <= MAX ? trimmed : trimmed.substring(0, MAX);
    }
}
