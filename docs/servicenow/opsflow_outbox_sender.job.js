// Scheduled script execution "opsflow outbox sender": Run Periodically, every 1 minute.
new OpsflowOutboxSender().sendDue();
