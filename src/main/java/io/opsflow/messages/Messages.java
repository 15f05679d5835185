package io.opsflow.messages;

import java.util.Locale;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;

/**
 * The catalogue of what opsflow writes to people ({@code messages/messages_<locale>.properties}):
 * work notes, Slack messages and task names come out in the language of the customer they are
 * about. A customer without a known locale reads Japanese, the operators' language.
 */
@Component
public class Messages {

    /** The operators' language, and the one for a customer whose locale is missing or unknown. */
    public static final Locale DEFAULT = Locale.JAPANESE;
    /** As {@code spring.messages.basename} in application.yaml (MessagesCatalogueTest holds them equal). */
    public static final String BASENAME = "messages/messages";

    private static final MessageSource STANDALONE = standaloneSource();

    private final MessageSource source;
    private final CustomerRegistry customers;

    public Messages(MessageSource source, CustomerRegistry customers) {
        this.source = source;
        this.customers = customers;
    }

    /** Text for the people of customer {@code customerId} (read from the registry each time). */
    public Texts forCustomer(String customerId) {
        return forCustomer(customerId == null ? Optional.empty() : customers.find(customerId));
    }

    public Texts forCustomer(Customer customer) {
        return forCustomer(Optional.ofNullable(customer));
    }

    private Texts forCustomer(Optional<Customer> customer) {
        return new Texts(source, locale(customer.map(Customer::locale).orElse(null)));
    }

    /**
     * The catalogue in {@code locale} for code that runs outside the application context: catalog
     * definitions are checked while they load, before any bean exists.
     */
    public static Texts standalone(Locale locale) {
        return new Texts(STANDALONE, locale);
    }

    /**
     * The catalogue in the language of the person whose request is being handled (the
     * {@code Accept-Language} of an API call or of Tasklist's browser): refusals they read at once.
     */
    public static Texts caller() {
        return standalone(locale(LocaleContextHolder.getLocale().getLanguage()));
    }

    /** The same settings as {@code spring.messages} in application.yaml. */
    static ResourceBundleMessageSource standaloneSource() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename(BASENAME);
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        source.setAlwaysUseMessageFormat(true);
        return source;
    }

    /** {@code en} → English; anything else (ja, missing, a typo) → Japanese. */
    public static Locale locale(String tag) {
        return "en".equals(tag) ? Locale.ENGLISH : DEFAULT;
    }

    /** The catalogue in one language. */
    public record Texts(MessageSource source, Locale locale) {

        /** {@code key}'s text with {@code args} filled into {@code {0}}, {@code {1}}…; an unknown key is a bug and throws. */
        public String text(String key, Object... args) {
            return source.getMessage(key, args, locale);
        }

        /** {@code key}'s text, or {@code fallback} where the catalogue has none (a task modelled without a catalogue name). */
        public String textOr(String key, String fallback, Object... args) {
            return source.getMessage(key, args, fallback, locale);
        }
    }
}
