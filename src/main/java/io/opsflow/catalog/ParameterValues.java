package io.opsflow.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.opsflow.catalog.CatalogDefinition.Parameter;

/**
 * Checks one RITM variable value against its parameter and normalises it into the form the runbook
 * gets (integers without leading zeros, {@code true}/{@code false}, GUIDs in lower case, a bare IP
 * address as {@code /32}, the allowed value's own spelling of a SKU, a UPN's domain in lower case).
 * A problem is a catalogue key ({@code param.*}) whose first argument is the value: it ends up in a
 * work note the requester reads, in the customer's language, quoting what they entered.
 */
final class ParameterValues {

    /** The outcome for one value: the normalised value or why it is wrong. */
    sealed interface Checked {
        record Ok(String value) implements Checked {
        }

        record Bad(String key, List<String> args) implements Checked {
            public Bad {
                args = List.copyOf(args);
            }
        }
    }

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,18}");
    private static final Pattern GUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    // Azure's rule for the VM resource name; the guest's computer name has its own, stricter rule.
    private static final Pattern VM_NAME = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9._-]{0,62}[A-Za-z0-9_])?");
    private static final Pattern RESOURCE_GROUP = Pattern.compile("[-\\w.()]{0,89}[-\\w()]", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern IPV4_CIDR = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(?:/(\\d{1,2}))?");
    private static final Pattern PORT_RANGE = Pattern.compile("(\\d{1,5})(?:\\s*-\\s*(\\d{1,5}))?");
    private static final Pattern UPN_LOCAL = Pattern.compile("[A-Za-z0-9'_!#^~+-]+(?:\\.[A-Za-z0-9'_!#^~+-]+)*");
    private static final Pattern DNS_DOMAIN = Pattern.compile("(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\t\\n\\r]]");

    private ParameterValues() {
    }

    /** {@code raw} is trimmed and not empty. */
    static Checked check(Parameter p, ParameterType type, String raw) {
        Checked checked = switch (type) {
            case STRING -> string(p, raw);
            case INT -> integer(p, raw);
            case BOOL -> bool(raw);
            case ENUM -> enumeration(p, raw);
            case SKU -> sku(p, raw);
            case UUID -> GUID.matcher(raw).matches() ? ok(raw.toLowerCase(Locale.ROOT))
                    : bad("param.uuid", raw);
            case VM_NAME -> VM_NAME.matcher(raw).matches() ? ok(raw)
                    : bad("param.vmName", raw);
            case RESOURCE_GROUP -> RESOURCE_GROUP.matcher(raw).matches() ? ok(raw)
                    : bad("param.resourceGroup", raw);
            case CIDR -> cidr(p, raw);
            case PORT -> port(p, raw);
            case PORT_RANGE -> portRange(p, raw);
            case UPN -> upn(raw);
        };
        if (checked instanceof Checked.Ok ok && p.pattern() != null && type.takesPattern()
                && !Pattern.compile(p.pattern()).matcher(ok.value()).matches()) {
            return bad("param.pattern", raw, p.pattern());
        }
        return checked;
    }

    private static Checked string(Parameter p, String raw) {
        if (CONTROL.matcher(raw).find()) {
            return bad("param.control", raw);
        }
        int length = raw.codePointCount(0, raw.length());
        if (p.min() != null && length < p.min()) {
            return bad("param.tooShort", raw, p.min().toString());
        }
        if (p.max() != null && length > p.max()) {
            return bad("param.tooLong", raw, p.max().toString());
        }
        return ok(raw);
    }

    private static Checked integer(Parameter p, String raw) {
        if (!INTEGER.matcher(raw).matches()) {
            return bad("param.integer", raw);
        }
        return inRange(Long.parseLong(raw), p.min(), p.max(), raw)
                .orElseGet(() -> ok(Long.toString(Long.parseLong(raw))));
    }

    private static Optional<Checked> inRange(long value, Long min, Long max, String raw) {
        if ((min != null && value < min) || (max != null && value > max)) {
            return Optional.of(bad("param.range", raw, min == null ? "" : min.toString(), max == null ? "" : max.toString()));
        }
        return Optional.empty();
    }

    private static Checked bool(String raw) {
        String lower = raw.toLowerCase(Locale.ROOT);
        return lower.equals("true") || lower.equals("false") ? ok(lower)
                : bad("param.bool", raw);
    }

    private static Checked enumeration(Parameter p, String raw) {
        return p.allowed().contains(raw) ? ok(raw)
                : bad("param.enum", raw, String.join(", ", p.allowed()));
    }

    private static Checked sku(Parameter p, String raw) {
        return p.allowed().stream().filter(a -> a.equalsIgnoreCase(raw)).findFirst().<Checked>map(ParameterValues::ok)
                .orElseGet(() -> bad("param.sku", raw, String.join(", ", p.allowed())));
    }

    private static Checked cidr(Parameter p, String raw) {
        Matcher m = IPV4_CIDR.matcher(raw);
        Checked notCidr = bad("param.cidr", raw);
        if (!m.matches()) {
            return notCidr;
        }
        long address = 0;
        for (int i = 1; i <= 4; i++) {
            String octet = m.group(i);
            // A leading zero is octal to some tools and decimal to others: refuse the ambiguity.
            if ((octet.length() > 1 && octet.startsWith("0")) || Integer.parseInt(octet) > 255) {
                return notCidr;
            }
            address = (address << 8) | Integer.parseInt(octet);
        }
        String prefixText = m.group(5);
        if (prefixText != null && prefixText.length() > 1 && prefixText.startsWith("0")) {
            return notCidr;
        }
        int prefix = prefixText == null ? 32 : Integer.parseInt(prefixText);
        if (prefix > 32) {
            return notCidr;
        }
        String network = m.group(1) + "." + m.group(2) + "." + m.group(3) + "." + m.group(4);
        long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        if ((address & ~mask & 0xFFFFFFFFL) != 0) {
            String suggestion = dotted(address & mask) + "/" + prefix;
            return bad("param.cidrHostBits", raw, suggestion);
        }
        if ((p.min() != null && prefix < p.min()) || (p.max() != null && prefix > p.max())) {
            String lo = "/" + (p.min() == null ? 0 : p.min());
            String hi = "/" + (p.max() == null ? 32 : p.max());
            return bad("param.cidrPrefix", raw, lo, hi);
        }
        return ok(network + "/" + prefix);
    }

    private static String dotted(long address) {
        return ((address >> 24) & 255) + "." + ((address >> 16) & 255) + "." + ((address >> 8) & 255) + "." + (address & 255);
    }

    private static Checked port(Parameter p, String raw) {
        Checked notPort = bad("param.port", raw);
        if (!raw.chars().allMatch(c -> c >= '0' && c <= '9') || raw.length() > 5) {
            return notPort;
        }
        int port = Integer.parseInt(raw);
        if (port < 1 || port > 65535) {
            return notPort;
        }
        return inRange(port, p.min(), p.max(), raw).orElseGet(() -> ok(Integer.toString(port)));
    }

    private static Checked portRange(Parameter p, String raw) {
        Matcher m = PORT_RANGE.matcher(raw);
        Checked notRange = bad("param.portRange", raw);
        if (!m.matches()) {
            return notRange;
        }
        int from = Integer.parseInt(m.group(1));
        int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
        if (from < 1 || from > 65535 || to < 1 || to > 65535) {
            return notRange;
        }
        if (from > to) {
            return bad("param.portRangeReversed", raw);
        }
        Optional<Checked> outside = inRange(from, p.min(), p.max(), raw).or(() -> inRange(to, p.min(), p.max(), raw));
        return outside.orElseGet(() -> ok(from == to ? Integer.toString(from) : from + "-" + to));
    }

    private static Checked upn(String raw) {
        Checked notUpn = bad("param.upn", raw);
        int at = raw.lastIndexOf('@');
        if (at <= 0 || raw.length() > 113) {
            return notUpn;
        }
        String local = raw.substring(0, at);
        String domain = raw.substring(at + 1);
        if (local.length() > 64 || !UPN_LOCAL.matcher(local).matches() || !DNS_DOMAIN.matcher(domain).matches()) {
            return notUpn;
        }
        return ok(local + "@" + domain.toLowerCase(Locale.ROOT));
    }

    private static Checked ok(String value) {
        return new Checked.Ok(value);
    }

    /** The value is always the key's first argument, {@code {0}}. */
    private static Checked bad(String key, String raw, String... more) {
        List<String> args = new ArrayList<>(List.of(raw));
        args.addAll(List.of(more));
        return new Checked.Bad(key, args);
    }

    static List<String> typeNames() {
        return java.util.Arrays.stream(ParameterType.values()).map(ParameterType::yamlName).toList();
    }
}
