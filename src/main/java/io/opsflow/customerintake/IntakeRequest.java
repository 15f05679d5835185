package io.opsflow.customerintake;

import static io.opsflow.customerintake.IntakeVariables.*;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.opsflow.customer.Customer;
import io.opsflow.messages.Messages;
import io.opsflow.validation.FieldChecks;
import io.opsflow.validation.FieldProblem;

/**
 * The intake form's answers, checked the same way whether they come from Tasklist's start form or
 * {@code POST /api/intakes}: only the {@link IntakeVariables#REQUEST} fields, each problem named.
 */
record IntakeRequest(Map<String, Object> values) {

    static final Pattern CUSTOMER = Pattern.compile("[a-z][a-z0-9-]{1,30}");
    /** {@code <prefix>.onmicrosoft.com}: letters and digits only, at most 27. */
    static final Pattern DOMAIN_PREFIX_FORMAT = Pattern.compile("[a-z0-9]{1,27}");
    private static final Pattern EMAIL = Pattern.compile("(?=.{3,254}$)[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ().-]{4,38}");
    private static final Pattern SYS_ID = Pattern.compile("[0-9a-f]{32}");
    private static final Pattern REGION = Pattern.compile("[a-z][a-z0-9]{2,30}");
    private static final Pattern POSTAL_CODE_FORMAT = Pattern.compile("[0-9]{3}-?[0-9]{4}");
    private static final Set<String> PLANS = Set.of("unified", "professional-direct", "standard", "developer", "basic");
    private static final int MAX_TEXT = 255;
    private static final int MAX_CHECKLIST = 4000;

    /** The allowed fields of {@code submitted}, or every problem found. */
    static IntakeRequest of(Map<String, Object> submitted) {
        List<FieldProblem> problems = problems(submitted);
        if (!problems.isEmpty()) {
            throw new InvalidIntakeException(problems);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (String field : REQUEST) {
            Object value = submitted.get(field);
            if (value instanceof String s) {
                value = s.strip();
            }
            if (value != null && !(value instanceof String s && s.isEmpty())) {
                values.put(field, value);
            }
        }
        values.putIfAbsent(LOCALE, "ja");
        values.putIfAbsent(AZURE_REGION, "japaneast");
        values.putIfAbsent(LIGHTHOUSE, true);
        return new IntakeRequest(Map.copyOf(values));
    }

    static List<FieldProblem> problems(Map<String, Object> submitted) {
        Checks checks = new Checks(new FieldChecks(), Messages.caller());
        submitted.keySet().stream().filter(field -> !REQUEST.contains(field)).sorted()
                .forEach(field -> checks.problem(field, "notAField"));
        String customer = text(submitted, CUSTOMER_ID);
        if (checks.required(CUSTOMER_ID, customer)) {
            checks.matches(CUSTOMER_ID, customer, CUSTOMER, "customerId");
        }
        for (String field : List.of(COMPANY_NAME_JA, COMPANY_NAME_EN, CONTACT_FIRST_NAME, CONTACT_LAST_NAME)) {
            String value = text(submitted, field);
            if (checks.required(field, value) && value.length() > MAX_TEXT) {
                checks.problem(field, "tooLong", MAX_TEXT);
            }
        }
        String email = text(submitted, CONTACT_EMAIL);
        if (checks.required(CONTACT_EMAIL, email)) {
            checks.matches(CONTACT_EMAIL, email, EMAIL, "email");
        }
        checks.optional(submitted, CONTACT_PHONE, PHONE, "phone");
        checks.optional(submitted, SERVICE_NOW_COMPANY, SYS_ID, "sysId");
        checks.optional(submitted, AZURE_REGION, REGION, "region");
        String locale = text(submitted, LOCALE);
        if (locale != null && !locale.isBlank() && !Set.of("ja", "en").contains(locale.strip())) {
            checks.problem(LOCALE, "locale", locale);
        }
        String plan = text(submitted, SUPPORT_PLAN);
        if (plan != null && !plan.isBlank() && !PLANS.contains(plan.strip())) {
            checks.problem(SUPPORT_PLAN, "supportPlan", String.join(", ", PLANS.stream().sorted().toList()), plan);
        }
        slaTargets(checks, text(submitted, SLA_TARGETS));
        Object lighthouse = submitted.get(LIGHTHOUSE);
        if (lighthouse != null && !(lighthouse instanceof Boolean)) {
            checks.problem(LIGHTHOUSE, "lighthouse");
        }
        String checklist = text(submitted, CHECKLIST);
        if (checklist != null && checklist.length() > MAX_CHECKLIST) {
            checks.problem(CHECKLIST, "tooLong", MAX_CHECKLIST);
        }
        String mode = text(submitted, TENANT_MODE);
        if (checks.required(TENANT_MODE, mode)) {
            if ("csp".equals(mode.strip())) {
                String prefix = text(submitted, DOMAIN_PREFIX);
                if (checks.required(DOMAIN_PREFIX, prefix)) {
                    checks.matches(DOMAIN_PREFIX, prefix, DOMAIN_PREFIX_FORMAT, "domainPrefix");
                }
                String postal = text(submitted, POSTAL_CODE);
                if (checks.required(POSTAL_CODE, postal)) {
                    checks.matches(POSTAL_CODE, postal, POSTAL_CODE_FORMAT, "postalCode");
                }
                for (String field : List.of(PREFECTURE, CITY, ADDRESS_LINE, CONTACT_PHONE)) {
                    checks.required(field, text(submitted, field));
                }
            } else if (!"existing".equals(mode.strip())) {
                checks.problem(TENANT_MODE, "tenantMode", mode);
            }
        }
        return checks.fields().problems();
    }

    String text(String field) {
        return (String) values.get(field);
    }

    boolean flag(String field) {
        return Boolean.TRUE.equals(values.get(field));
    }

    boolean csp() {
        return "csp".equals(text(TENANT_MODE));
    }

    /** The checklist's non-blank lines. */
    List<String> checklistItems() {
        String checklist = text(CHECKLIST);
        return checklist == null ? List.of() : Arrays.stream(checklist.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The SLA targets per priority, from lines such as {@code P1 PT15M PT1H PT4H}. */
    Map<String, Customer.SlaTarget> slaTargets() {
        Map<String, Customer.SlaTarget> targets = new java.util.TreeMap<>();
        String text = text(SLA_TARGETS);
        if (text != null) {
            text.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(line -> {
                String[] parts = line.split("[\\s:/,]+");
                targets.put(parts[0], new Customer.SlaTarget(Duration.parse(parts[1]), Duration.parse(parts[2]), Duration.parse(parts[3])));
            });
        }
        return targets;
    }

    private static void slaTargets(Checks checks, String text) {
        if (text == null) {
            return;
        }
        List<String> lines = text.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        for (int i = 0; i < lines.size(); i++) {
            String field = SLA_TARGETS + "[" + (i + 1) + "]";
            String[] parts = lines.get(i).split("[\\s:/,]+");
            if (parts.length != 4 || !parts[0].matches("P[1-5]")) {
                checks.problem(field, "slaFormat", lines.get(i));
                continue;
            }
            try {
                Duration acknowledge = Duration.parse(parts[1]);
                Duration identify = Duration.parse(parts[2]);
                Duration resolve = Duration.parse(parts[3]);
                if (acknowledge.isNegative() || acknowledge.isZero() || acknowledge.compareTo(identify) > 0 || identify.compareTo(resolve) > 0) {
                    checks.problem(field, "slaOrder", lines.get(i));
                }
            } catch (DateTimeParseException e) {
                checks.problem(field, "slaDuration", lines.get(i));
            }
        }
    }

    private static String text(Map<String, Object> values, String field) {
        Object value = values.get(field);
        return value == null ? null : value.toString();
    }

    /** The form's checks, each problem in the caller's language ({@code intake.problem.<key>}). */
    private record Checks(FieldChecks fields, Messages.Texts texts) {

        void problem(String field, String key, Object... args) {
            fields.problem(field, texts.text("intake.problem." + key, args));
        }

        boolean required(String field, String value) {
            if (value == null || value.isBlank()) {
                problem(field, "required");
                return false;
            }
            return true;
        }

        void matches(String field, String value, Pattern pattern, String key) {
            if (!pattern.matcher(value).matches()) {
                problem(field, key, value);
            }
        }

        void optional(Map<String, Object> submitted, String field, Pattern pattern, String key) {
            String value = text(submitted, field);
            if (value != null && !value.isBlank()) {
                matches(field, value.strip(), pattern, key);
            }
        }
    }
}
