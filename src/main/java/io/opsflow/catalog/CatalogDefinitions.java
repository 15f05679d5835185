package io.opsflow.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The service catalog: every catalog item definition under {@code opsflow.catalog.items-location},
 * loaded and checked at start-up so a bad file stops the application with its file, line and field
 * instead of failing a customer's request later.
 */
@Component
public class CatalogDefinitions {

    private static final Logger log = LoggerFactory.getLogger(CatalogDefinitions.class);
    private static final String MARKER = "processes/";

    private final List<CatalogDefinition> all;
    private final Map<String, CatalogDefinition> bySysId = new HashMap<>();
    private final Map<String, CatalogDefinition> byName = new HashMap<>();

    @Autowired
    public CatalogDefinitions(CatalogProperties properties) {
        this(read(properties.itemsLocation(), new PathMatchingResourcePatternResolver()));
        log.info("Service catalog: {} items from {}", all.size(), properties.itemsLocation());
    }

    /** {@code files}: file name (as messages call it) → YAML text. */
    CatalogDefinitions(Map<String, String> files) {
        Map<String, CatalogDefinition> byId = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        files.forEach((name, text) -> {
            CatalogItemFile file = CatalogItemFile.parse(name, text);
            CatalogDefinition d = file.definition();
            String fileId = name.substring(name.lastIndexOf('/') + 1).replaceFirst("\\.ya?ml$", "");
            if (!fileId.equals(d.id())) {
                problems.add(name + " line " + file.lineOf("id") + ": id: '" + d.id() + "' must equal the file name ('" + fileId + "')");
            }
            if (byId.putIfAbsent(d.id(), d) != null) {
                problems.add(name + " line " + file.lineOf("id") + ": id: '" + d.id() + "' is already defined by another file");
            }
            CatalogDefinition sameSysId = bySysId.putIfAbsent(d.sysId(), d);
            if (sameSysId != null) {
                problems.add(name + " line " + file.lineOf("sysId") + ": sysId: '" + d.sysId() + "' is already the sysId of " + sameSysId.id());
            }
            CatalogDefinition sameName = byName.putIfAbsent(key(d.name()), d);
            if (sameName != null) {
                problems.add(name + " line " + file.lineOf("name") + ": name: '" + d.name() + "' is already the name of " + sameName.id());
            }
        });
        if (!problems.isEmpty()) {
            throw new CatalogDefinitionException(String.join("\n", problems), null);
        }
        this.all = List.copyOf(byId.values());
    }

    /** Loads without Spring, e.g. {@code classpath*:processes/catalog/items/*.yaml}. */
    public static CatalogDefinitions load(String location) {
        return new CatalogDefinitions(read(location, new PathMatchingResourcePatternResolver()));
    }

    public List<CatalogDefinition> all() {
        return all;
    }

    public Optional<CatalogDefinition> byId(String id) {
        return all.stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /**
     * The definition for a RITM's catalog item: by sys_id ({@code record.cat_item}) first, by name
     * ({@code record.cat_item_name}, ignoring case and surrounding blanks) when the sys_id is unknown
     * or missing.
     */
    public Optional<CatalogDefinition> find(String catItemSysId, String catItemName) {
        if (catItemSysId != null && bySysId.containsKey(catItemSysId.strip())) {
            return Optional.of(bySysId.get(catItemSysId.strip()));
        }
        return catItemName == null ? Optional.empty() : Optional.ofNullable(byName.get(key(catItemName)));
    }

    private static String key(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }

    private static Map<String, String> read(String location, ResourcePatternResolver resolver) {
        Map<String, String> files = new LinkedHashMap<>();
        try {
            Resource[] resources = resolver.getResources(location);
            Arrays.sort(resources, Comparator.comparing(r -> String.valueOf(r.getFilename())));
            for (Resource resource : resources) {
                try (InputStream in = resource.getInputStream()) {
                    files.put(nameOf(resource), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read catalog item definitions from " + location, e);
        }
        return files;
    }

    /** {@code processes/catalog/items/vm-restart.yaml} where possible: the path people edit. */
    private static String nameOf(Resource resource) throws IOException {
        String url = resource.getURL().toString();
        int at = url.lastIndexOf(MARKER);
        return at >= 0 ? url.substring(at) : url;
    }
}
