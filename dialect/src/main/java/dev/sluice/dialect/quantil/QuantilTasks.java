package dev.sluice.dialect.quantil;

import dev.sluice.control.DateSignature;
import dev.sluice.purge.task.PurgeTask;
import dev.sluice.purge.task.TaskEntry;

/** A task as QUANTIL's {@code <purge-result>} content: request date, then one item per URL (§3.2). */
final class QuantilTasks {

    private QuantilTasks() {}

    static String body(PurgeTask task) {
        StringBuilder xml =
                new StringBuilder(QuantilXml.element("request-date", DateSignature.httpDate(task.submittedAt())));
        String status = switch (task.state()) {
            case WAITING -> "wait";
            case IN_PROGRESS -> "run";
            case FINISHED -> "Success";
            case FAILED -> "Failure";
        };
        String rate = task.state().isDone() ? task.successRate() + ".0" : "0.0";
        for (TaskEntry e : task.entries()) {
            xml.append("<item>")
                    .append(QuantilXml.element("path", e.value()))
                    .append(QuantilXml.element("status", status))
                    .append(QuantilXml.element("rate", rate))
                    .append(QuantilXml.element("isdir", e.kind() == TaskEntry.Kind.DIR ? "Y" : "N"))
                    .append("</item>");
        }
        return xml.toString();
    }
}
