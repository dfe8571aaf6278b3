package io.mlconnector.architecture;

import java.util.ArrayList;
import java.util.List;

/** Just enough of Java's lexical structure to tell comments, string literals and code apart. */
final class JavaText {

    private JavaText() {
    }

    /** {@code source} with every comment replaced by a space; literals and code unchanged. */
    static String withoutComments(String source) {
        StringBuilder out = new StringBuilder(source.length());
        scan(source, out, null);
        return out.toString();
    }

    /** The contents of every string literal and text block in {@code source}, comments skipped. */
    static List<String> stringLiterals(String source) {
        List<String> literals = new ArrayList<>();
        scan(source, new StringBuilder(), literals);
        return literals;
    }

    private static void scan(String s, StringBuilder code, List<String> literals) {
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
                int end = s.indexOf('\n', i);
                i = end < 0 ? n : end;
                code.append(' ');
            } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
                int end = s.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                code.append(' ');
            } else if (s.startsWith("\"\"\"", i)) {
                int end = s.indexOf("\"\"\"", i + 3);
                while (end > 0 && s.charAt(end - 1) == '\\') {
                    end = s.indexOf("\"\"\"", end + 1);
                }
                end = end < 0 ? n - 3 : end;
                add(literals, s.substring(i + 3, end));
                code.append(s, i, end + 3);
                i = end + 3;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < n && s.charAt(j) != c && s.charAt(j) != '\n') {
                    j += s.charAt(j) == '\\' ? 2 : 1;
                }
                if (c == '"') {
                    add(literals, s.substring(i + 1, Math.min(j, n)));
                }
                code.append(s, i, Math.min(j + 1, n));
                i = j + 1;
            } else {
                code.append(c);
                i++;
            }
        }
    }

    private static void add(List<String> literals, String literal) {
        if (literals != null) {
            literals.add(literal);
        }
    }
}
