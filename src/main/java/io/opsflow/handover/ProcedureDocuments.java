package io.opsflow.handover;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.opsflow.customer.Customer;
import io.opsflow.messages.Messages;

/**
 * The operator procedure (オペレーション手順書) and the administrator procedure (運用手順書) of a customer,
 * generated from its monitoring items in Japanese or English, as Markdown, PDF or an HTML page. The
 * SLA targets are the customer's ({@link Customer#sla()}; pass the agreed ones before go-live), else the
 * defaults of the decision table; an item's priority is the one incident coordination will give its alert.
 */
@Component
public class ProcedureDocuments {

    private final MessageSource messages;
    private final ProcedureDecisions decisions;

    ProcedureDocuments(MessageSource messages, ProcedureDecisions decisions) {
        this.messages = messages;
        this.decisions = decisions;
    }

    public String markdown(Customer customer, List<MonitoringItem> items, ProcedureKind kind, Locale locale) {
        return ProcedureMarkdown.render(document(customer, items, kind, locale));
    }

    public byte[] pdf(Customer customer, List<MonitoringItem> items, ProcedureKind kind, Locale locale) {
        return ProcedurePdf.render(document(customer, items, kind, locale));
    }

    /**
     * The page the Triage form links to, served at {@code path} + {@code .html}: links to its Markdown, its
     * PDF and the other language above it, and a notice when {@code missingItem} (the item a link asked
     * for, not in the list) is not null.
     */
    String html(Customer customer, List<MonitoringItem> items, ProcedureKind kind, Locale locale, String path, String missingItem) {
        ProcedureDocument document = document(customer, items, kind, locale);
        Messages.Texts texts = new Messages.Texts(messages, Messages.locale(locale.getLanguage()));
        Locale other = document.lang().equals("en") ? Locale.JAPANESE : Locale.ENGLISH;
        String lang = "?lang=" + document.lang();
        List<ProcedureHtml.NavLink> nav = List.of(
                new ProcedureHtml.NavLink(texts.text("procedure.html.markdown"), path + ".md" + lang),
                new ProcedureHtml.NavLink(texts.text("procedure.html.pdf"), path + ".pdf" + lang),
                new ProcedureHtml.NavLink(texts.text("procedure.html.otherLanguage", other.getDisplayLanguage(other)),
                        path + ".html?lang=" + other.getLanguage()));
        return ProcedureHtml.render(document, nav, missingItem == null ? null : texts.text("procedure.html.itemNotFound", missingItem));
    }

    ProcedureDocument document(Customer customer, List<MonitoringItem> items, ProcedureKind kind, Locale locale) {
        Locale language = Messages.locale(locale.getLanguage());
        ProcedureItemTexts texts = new ProcedureItemTexts(new Messages.Texts(messages, language));
        return switch (kind) {
            case OPERATOR -> new ProcedureOperatorContent(customer, texts, decisions).build(items, language.getLanguage());
            case ADMINISTRATOR -> new ProcedureAdministratorContent(customer, texts, decisions).build(items, language.getLanguage());
        };
    }
}
