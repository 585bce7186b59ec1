package dev.sluice.dialect.quantil;

import dev.sluice.control.ApiUser;
import dev.sluice.control.DateSignature;
import dev.sluice.control.SiteDirectory;
import dev.sluice.control.TenantQuotas;
import dev.sluice.control.VendorCredentials;
import dev.sluice.core.Clock;
import dev.sluice.core.ErrorKind;
import dev.sluice.dialect.ErrorReplies;
import dev.sluice.dialect.Routes;
import dev.sluice.dialect.SafeXml;
import dev.sluice.dialect.VendorError;
import dev.sluice.dialect.WireHandler;
import dev.sluice.dialect.WireRequest;
import dev.sluice.dialect.WireResponse;
import dev.sluice.purge.task.PurgeTask;
import dev.sluice.purge.task.PurgeTaskService;
import dev.sluice.purge.task.QuotaCharge;
import dev.sluice.purge.task.TaskDraft;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * QUANTIL's purge API, mounted at {@code /api/purge}: create (202 + {@code Location} + {@code
 * x-cnc-request-id}), status, list. Decorators: the XML error table, then the signature ({@code Date},
 * or {@code x-cnc-date} when present, HMAC-SHA1 with the user's key), then the route. Daily quotas
 * (rolling 24 h) of file and dir URLs per tenant: a request that does not fit is 403 {@code
 * QuotaExceeded} and nothing is purged.
 */
public final class QuantilApi implements WireHandler {

    static final String DIALECT = "quantil";

    private final WireHandler handler;
    private final SiteDirectory sites;
    private final PurgeTaskService tasks;
    private final Function<String, TenantQuotas> quotas;
    private final Clock clock;

    public QuantilApi(
            SiteDirectory sites,
            VendorCredentials credentials,
            DateSignature signature,
            PurgeTaskService tasks,
            Function<String, TenantQuotas> quotas,
            Clock clock) {
        this.clock = clock;
        this.sites = sites;
        this.tasks = tasks;
        this.quotas = quotas;
        Routes<ApiUser> routes = new Routes<ApiUser>()
                .add("POST", "", this::create)
                .add("GET", "", this::list)
                .add("GET", "/{id}", this::status);
        WireHandler secured = request -> {
            String cncDate = request.header("x-cnc-date");
            ApiUser user = signature.verify(
                    request.header("Authorization"),
                    cncDate != null ? cncDate : request.header("Date"),
                    name -> credentials.user(VendorCredentials.Vendor.QUANTIL, name));
            return routes.route(user, request);
        };
        this.handler = ErrorReplies.rendered("QUANTIL", secured, QuantilXml::error);
    }

    @Override
    public WireResponse handle(WireRequest request) {
        return handler.handle(request);
    }

    private WireResponse create(ApiUser user, WireRequest request, Map<String, String> params) {
        QuantilPurgeDecoder.Decoded purge =
                new QuantilPurgeDecoder(sites, user.tenant()).decode(SafeXml.read(request.body()));
        PurgeTask task = tasks.submit(
                new TaskDraft(user.tenant(), DIALECT, purge.requests(), purge.entries(), Map.of()),
                charge(user.tenant(), purge.files(), purge.dirs()));
        return QuantilXml.reply(202, "<response><message>success</message></response>")
                .withHeader("Location", "/api/purge/" + task.id())
                .withHeader("x-cnc-request-id", UUID.randomUUID().toString());
    }

    /** The daily quota charge, paid with the task (refused with 403 {@code QuotaExceeded}). */
    private QuotaCharge charge(String tenant, int files, int dirs) {
        TenantQuotas q = quotas.apply(tenant);
        String fileKey = "quantil/" + tenant + "/file";
        String dirKey = "quantil/" + tenant + "/dir";
        return new QuotaCharge(
                Map.of(fileKey, (long) files, dirKey, (long) dirs),
                Map.of(fileKey, q.quantilFileUrls(), dirKey, q.quantilDirUrls()),
                false,
                Duration.ofHours(24),
                () -> new VendorError(
                        ErrorKind.FORBIDDEN,
                        "QuotaExceeded",
                        "Daily purge quota exceeded: %d file URLs and %d dir URLs per day."
                                .formatted(q.quantilFileUrls(), q.quantilDirUrls())));
    }

    private WireResponse status(ApiUser user, WireRequest request, Map<String, String> params) {
        PurgeTask task = tasks.store().find(params.getOrDefault("id", ""));
        if (task == null
                || !task.tenant().equals(user.tenant())
                || !task.dialect().equals(DIALECT)) {
            throw new VendorError(ErrorKind.NOT_FOUND, "NoSuchPurgeRequest", "The purge request does not exist.");
        }
        return QuantilXml.reply(200, "<purge-result>" + QuantilTasks.body(task) + "</purge-result>")
                .withHeader("x-cnc-request-id", UUID.randomUUID().toString());
    }

    private WireResponse list(ApiUser user, WireRequest request, Map<String, String> params) {
        Instant to = date(request.queryParam("dateto"), clock.instant().plusSeconds(1));
        Instant from = date(request.queryParam("datefrom"), to.minus(java.time.Duration.ofDays(30)));
        String url = request.queryParam("url");
        StringBuilder xml = new StringBuilder("<purge-list>");
        List<PurgeTask> found = tasks.store().list(user.tenant(), DIALECT, from, to);
        for (PurgeTask task : found) {
            if (url == null || task.entries().stream().anyMatch(e -> e.value().equals(url))) {
                xml.append("<purge-request>")
                        .append(QuantilXml.element("purge-id", task.id()))
                        .append(QuantilTasks.body(task))
                        .append("</purge-request>");
            }
        }
        return QuantilXml.reply(200, xml.append("</purge-list>").toString())
                .withHeader("x-cnc-request-id", UUID.randomUUID().toString());
    }

    private static Instant date(@Nullable String value, Instant fallback) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw VendorError.badRequest(
                    "InvalidParameter",
                    "date: %s (expected: RFC 3339, e.g. 2013-01-01T22:30:00+08:00)".formatted(value));
        }
    }
}
