package io.opsflow.deployment;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Which BPMN files reference which Camunda Forms, read from the files about to be deployed. */
final class FormBindings {

    private static final Pattern FORM_REF = Pattern.compile("camunda:formRef=\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Set<String>> formIdsByModel = new HashMap<>();
    private final Map<String, String> formFileById = new HashMap<>();

    private FormBindings() {
    }

    static FormBindings of(Map<String, byte[]> files) {
        FormBindings bindings = new FormBindings();
        files.forEach((name, content) -> {
            String text = new String(content, StandardCharsets.UTF_8);
            if (name.endsWith(".bpmn")) {
                Set<String> ids = new HashSet<>();
                Matcher m = FORM_REF.matcher(text);
                while (m.find()) {
                    ids.add(m.group(1));
                }
                bindings.formIdsByModel.put(name, ids);
            } else if (name.endsWith(".form")) {
                bindings.formFileById.put(formId(name, text), name);
            }
        });
        return bindings;
    }

    /** The changed files plus every model or form bound to one of them, transitively. */
    Set<String> withBoundPartners(Set<String> changed) {
        Set<String> result = new TreeSet<>(changed);
        Deque<String> queue = new ArrayDeque<>(changed);
        while (!queue.isEmpty()) {
            String file = queue.pop();
            for (String partner : partnersOf(file)) {
                if (result.add(partner)) {
                    queue.push(partner);
                }
            }
        }
        return result;
    }

    private Set<String> partnersOf(String file) {
        Set<String> partners = new HashSet<>();
        if (file.endsWith(".bpmn")) {
            formIdsByModel.getOrDefault(file, Set.of()).stream()
                    .map(formFileById::get).filter(Objects::nonNull).forEach(partners::add);
        } else if (file.endsWith(".form")) {
            formFileById.entrySet().stream().filter(e -> e.getValue().equals(file)).map(Map.Entry::getKey)
                    .forEach(formId -> formIdsByModel.forEach((model, ids) -> {
                        if (ids.contains(formId)) {
                            partners.add(model);
                        }
                    }));
        }
        return partners;
    }

    private static String formId(String name, String text) {
        try {
            JsonNode id = JSON.readTree(text).get("id");
            if (id == null || !id.isTextual()) {
                throw new IllegalStateException("Form " + name + " has no \"id\"");
            }
            return id.asText();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Form " + name + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }
}
