package io.opsflow.escalation;

import org.camunda.bpm.engine.test.mock.Mocks;

import io.opsflow.azure.SupportCatalog;
import io.opsflow.azure.SupportCommunications;
import io.opsflow.azure.SupportTickets;
import io.opsflow.customer.CustomerRegistry;
import io.opsflow.messages.MessagesFixture;
import io.opsflow.servicenow.ServiceNowClient;
import io.opsflow.slack.SlackNotifier;

/** Registers the escalation's and the relay's real delegates around mocked ports, for their process tests and their callers'. */
public final class EscalationMocks {

    private EscalationMocks() {
    }

    public static void register(CustomerRegistry customers, SupportCatalog catalog, SupportTickets tickets,
                                SupportCommunications communications, ServiceNowClient servicenow, SlackNotifier slack) {
        EscalationContext context = new EscalationContext(customers, MessagesFixture.messages(customers));
        SupportNotes notes = new SupportNotes(servicenow);
        Mocks.register("loadServiceNowIncidentDelegate", new LoadServiceNowIncidentDelegate(context, servicenow));
        SupportCatalogOptions options = new SupportCatalogOptions(catalog, context);
        Mocks.register("loadSupportCatalogDelegate", new LoadSupportCatalogDelegate(context, options));
        Mocks.register("loadProblemClassificationsDelegate", new LoadProblemClassificationsDelegate(context, options));
        Mocks.register("createSupportTicketDelegate", new CreateSupportTicketDelegate(context, tickets));
        Mocks.register("checkSupportTicketCreatedDelegate", new CheckSupportTicketCreatedDelegate(context, tickets));
        Mocks.register("addSupportTicketWorkNoteDelegate", new AddSupportTicketWorkNoteDelegate(context, notes));
        Mocks.register("startSupportRelayDelegate", new StartSupportRelayDelegate());
        Mocks.register("relayMicrosoftCommunicationsDelegate",
                new RelayMicrosoftCommunicationsDelegate(context, tickets, communications, notes));
        Mocks.register("sendMessageToMicrosoftDelegate", new SendMessageToMicrosoftDelegate(context, communications, servicenow));
        Mocks.register("checkMessageToMicrosoftDelegate", new CheckMessageToMicrosoftDelegate(context, communications, notes));
        Mocks.register("closeSupportTicketDelegate", new CloseSupportTicketDelegate(context, tickets));
        Mocks.register("changeSupportSeverityDelegate", new ChangeSupportSeverityDelegate(context, tickets));
        Mocks.register("supportMessageTaskListener", new SupportMessageTaskListener());
        Mocks.register("notifyResponseDeadlineMissedDelegate", new NotifyResponseDeadlineMissedDelegate(context, slack));
    }
}
