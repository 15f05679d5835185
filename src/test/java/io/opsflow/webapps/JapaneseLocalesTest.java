package io.opsflow.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * opsflow's {@code ja.json} of each Camunda webapp against the English file of the Camunda webjar
 * on the classpath: the same keys (a key Camunda adds in an upgrade fails here, not silently in
 * English on an operator's screen), the same placeholders and HTML tags, and Japanese text.
 */
class JapaneseLocalesTest {

    private static final String LOCALES = "META-INF/resources/webjars/camunda/app/%s/locales/%s.json";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}");
    /** HTML Camunda puts in labels; {@code <null>} or {@code <Operation>} are text and translated. */
    private static final Pattern TAG = Pattern.compile("</?(a|b|br|code|em|i|li|p|span|strong|ul)\\b");
    private static final Pattern JAPANESE = Pattern.compile("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}\\uFF01-\\uFF5E]");
    /** What Japanese operators read as it is: product names, data types, formats, operators. */
    private static final Set<String> KEPT = Set.of("", " / ", " OK", "OK", "<", "<=", ">", ">=", "<null>", "<undefined>",
            "null", "like", "ID", "ID*", "CSV", "JSON", "YYYY-MM-DDTHH:mm:ss", "requestPayload", "Powered by",
            "Camunda", "Camunda Cockpit", "Cockpit", "Tasklist", "Admin", "Optimize",
            "Boolean", "Double", "Integer", "Long", "Short", "String");

    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void japaneseHasExactlyTheEnglishKeysWithTheirPlaceholdersAndTags(String app) throws IOException {
        JsonNode english = read(app, "en", "camunda-webapp-webjar");
        JsonNode japanese = read(app, "ja", null);

        assertThat(paths(japanese, "")).as("keys of %s ja.json", app).isEqualTo(paths(english, ""));
        english.get("labels").properties().forEach(label -> {
            String en = label.getValue().asText();
            String ja = japanese.get("labels").get(label.getKey()).asText();
            assertThat(sorted(PLACEHOLDER, 0, ja)).as("placeholders of %s %s", app, label.getKey())
                    .isEqualTo(sorted(PLACEHOLDER, 0, en));
            assertThat(sorted(TAG, 1, ja)).as("HTML tags of %s %s", app, label.getKey()).isEqualTo(sorted(TAG, 1, en));
            // "s" is an English plural ending Camunda appends; Japanese has none.
            assertThat(ja.isEmpty()).as("empty %s %s", app, label.getKey()).isEqualTo(en.isEmpty() || en.equals("s"));
        });
    }

    /** An English label left untranslated fails here unless it is a term operators use as it is. */
    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
    void everyLabelIsJapaneseOrAKeptTerm(String app) throws IOException {
        read(app, "ja", null).get("labels").properties().forEach(label -> {
            String ja = label.getValue().asText();
            assertThat(JAPANESE.matcher(ja).find() || KEPT.contains(ja)).as("%s %s: %s", app, label.getKey(), ja).isTrue();
        });
    }

    /** The English file from the webjar, the Japanese one from opsflow (not from any jar). */
    private JsonNode read(String app, String locale, String jarName) throws IOException {
        List<URL> found = Collections.list(getClass().getClassLoader().getResources(LOCALES.formatted(app, locale)));
        URL url = found.stream()
                .filter(u -> jarName == null ? !"jar".equals(u.getProtocol()) : u.toString().contains(jarName))
                .findFirst().orElseThrow(() -> new AssertionError("no " + locale + ".json for " + app + " in " + found));
        try (InputStream in = url.openStream()) {
            return json.readTree(in);
        }
    }

    /** Every leaf's path with its JSON type; arrays as their length (month names, weekdays). */
    private static Map<String, String> paths(JsonNode node, String prefix) {
        Map<String, String> paths = new TreeMap<>();
        if (node.isObject()) {
            node.properties().forEach(p -> paths.putAll(paths(p.getValue(), prefix + "/" + p.getKey())));
        } else {
            paths.put(prefix, node.isArray() ? "array of " + node.size() : node.getNodeType().name());
        }
        return paths;
    }

    private static List<String> sorted(Pattern pattern, int group, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(group));
        }
        Collections.sort(found);
        return found;
    }
}
