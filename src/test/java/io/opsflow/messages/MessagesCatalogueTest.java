package io.opsflow.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.core.io.ClassPathResource;

import io.opsflow.catalog.TargetKind;
import io.opsflow.customer.Customer;
import io.opsflow.customer.CustomerRegistry;

/** The catalogue: both languages complete, readable as configured, and chosen by the customer's locale. */
class MessagesCatalogueTest {

    static final Properties JA = load("messages/messages_ja.properties");
    static final Properties EN = load("messages/messages_en.properties");

    @Test
    void everyJapaneseKeyHasAnEnglishTextAndViceVersa() {
        assertThat(keys(EN)).as("keys missing in messages_en").containsAll(keys(JA));
        assertThat(keys(JA)).as("keys missing in messages_ja").containsAll(keys(EN));
        assertThat(JA).isNotEmpty();
    }

    @Test
    void everyTextIsAValidMessageFormatWithTheSameArgumentsInBothLanguages() {
        for (String key : keys(JA)) {
            MessageFormat ja = new MessageFormat(JA.getProperty(key), Locale.JAPANESE);
            MessageFormat en = new MessageFormat(EN.getProperty(key), Locale.ENGLISH);
            assertThat(ja.getFormats()).as(key + ": number of arguments").hasSameSizeAs(en.getFormats());
            assertThat(JA.getProperty(key)).as(key).isNotBlank();
            assertThat(EN.getProperty(key)).as(key).isNotBlank();
        }
    }

    /** MessageFormat drops a lone apostrophe (and quotes what follows): "Microsoft's" must be written "Microsoft''s". */
    @Test
    void noTextLosesAnApostrophe() {
        for (Properties texts : List.of(JA, EN)) {
            keys(texts).forEach(key -> assertThat(texts.getProperty(key).replace("''", "")).as(key).doesNotContain("'"));
        }
    }

    @Test
    void japaneseIsReadAsUtf8AndEnglishTextsHoldNoJapanese() {
        assertThat(JA.getProperty("sla.slack.open")).isEqualTo("opsflow で開く");
        keys(EN).forEach(key -> assertThat(EN.getProperty(key)).as(key)
                .doesNotContainPattern("[\\p{IsHiragana}\\p{IsKatakana}\\p{IsHan}]"));
    }

    @Test
    void theBaseFileIsEmptySoNoLanguageFallsBackToAnother() {
        assertThat(load("messages/messages.properties")).isEmpty();
    }

    @Test
    void applicationYamlConfiguresTheCatalogueAsTheStandaloneOneIs() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yaml"));
        Properties application = yaml.getObject();
        // YAML booleans stay Boolean here, which Properties.getProperty would not return.
        assertThat(application.get("spring.messages.basename")).isEqualTo(Messages.BASENAME);
        assertThat(application.get("spring.messages.encoding")).hasToString("UTF-8");
        assertThat(application.get("spring.messages.fallback-to-system-locale")).isEqualTo(false);
        assertThat(application.get("spring.messages.always-use-message-format")).isEqualTo(true);

        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(MessageSourceAutoConfiguration.class))
                .withPropertyValues(application.keySet().stream().map(String::valueOf).filter(k -> k.startsWith("spring.messages."))
                        .map(k -> k + "=" + application.get(k)).toArray(String[]::new))
                .run(context -> {
                    MessageSource source = context.getBean(MessageSource.class);
                    assertThat(source.getMessage("sla.slack.open", null, Locale.JAPANESE)).isEqualTo("opsflow で開く");
                    assertThat(source.getMessage("sla.slack.open", null, Locale.ENGLISH)).isEqualTo("Open in opsflow");
                    assertThat(source.getMessage("catalog.note.unknownItem", new Object[] {"x", "y"}, Locale.ENGLISH))
                            .startsWith("Catalog item 'x' (y)");
                    // Not the JVM's locale, not the other language: a missing text is a bug to see.
                    assertThatThrownBy(() -> source.getMessage("sla.slack.open", null, Locale.FRENCH))
                            .isInstanceOf(NoSuchMessageException.class);
                });
    }

    @Test
    void aCustomerReadsItsLocaleAndAnUnknownOneReadsJapanese() {
        CustomerRegistry customers = mock(CustomerRegistry.class);
        when(customers.find("en")).thenReturn(Optional.of(customer("en")));
        when(customers.find("ja")).thenReturn(Optional.of(customer("ja")));
        when(customers.find("fr")).thenReturn(Optional.of(customer("fr")));
        when(customers.find("gone")).thenReturn(Optional.empty());
        Messages messages = MessagesFixture.messages(customers);
        assertThat(messages.forCustomer("en").text("sla.slack.open")).isEqualTo("Open in opsflow");
        assertThat(messages.forCustomer("ja").text("sla.slack.open")).isEqualTo("opsflow で開く");
        assertThat(messages.forCustomer("fr").locale()).isEqualTo(Locale.JAPANESE);
        assertThat(messages.forCustomer("gone").locale()).isEqualTo(Locale.JAPANESE);
        assertThat(messages.forCustomer((String) null).locale()).isEqualTo(Locale.JAPANESE);
        assertThat(messages.forCustomer("en").text("param.range", "99", "100", "4096")).isEqualTo("'99' is out of range (100-4096)");
        assertThatThrownBy(() -> messages.forCustomer("en").text("no.such.key")).isInstanceOf(NoSuchMessageException.class);
    }

    @Test
    void everyTaskWithADescribeListenerHasItsNameInTheCatalogue() throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("processes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                for (UserTask task : Bpmn.readModelFromFile(file.toFile()).getModelElementsByType(UserTask.class)) {
                    boolean described = task.getExtensionElements() != null && task.getExtensionElements()
                            .getElementsQuery().filterByType(CamundaTaskListener.class).list().stream()
                            .anyMatch(l -> String.valueOf(l.getCamundaDelegateExpression()).matches("\\$\\{describe\\w*TaskListener}"));
                    if (described && !JA.containsKey("task." + task.getId() + ".name")) {
                        missing.add(file + ": " + task.getId());
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyTargetKindHasItsWordsInBothLanguages() {
        for (TargetKind kind : TargetKind.values()) {
            assertThat(kind.label(Messages.standalone(Locale.JAPANESE))).isNotBlank();
            assertThat(kind.label(Messages.standalone(Locale.ENGLISH))).isNotBlank();
        }
        assertThat(TargetKind.VIRTUAL_MACHINE.label(Messages.standalone(Locale.JAPANESE))).isEqualTo("仮想マシン");
        assertThat(TargetKind.VIRTUAL_MACHINE.label(Messages.standalone(Locale.ENGLISH))).isEqualTo("Virtual machine");
    }

    private static Customer customer(String locale) {
        return new Customer(locale, locale, locale, null, null, null, null, null, null);
    }

    private static Set<String> keys(Properties properties) {
        return new TreeSet<>(properties.stringPropertyNames());
    }

    private static Properties load(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new IllegalStateException(resource, e);
        }
    }
}
