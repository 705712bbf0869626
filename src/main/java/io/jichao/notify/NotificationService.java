package io.jichao.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jichao.audit.AuditTrail;
import io.jichao.notify.Alerts.Alert;
import io.jichao.notify.ArchiveFacts.Place;

/**
 * The outbox's API for other features (alarms, prepaid). Callers act for the system: they have
 * already decided that the message is due (an alarm raised, a recharge confirmed), so these methods
 * do not ask {@code CurrentOperator}; they are not reachable from views (the outbox page uses
 * {@link NotificationAdminService}). Every method joins the caller's transaction, so a message is
 * queued exactly when the caller's change commits. Nothing is sent here: the dispatch job sends.
 */
@Service
public class NotificationService {

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);
    static final String SYSTEM = "system";

    private final Outbox outbox;
    private final Alerts alerts;
    private final ArchiveFacts archive;
    private final SmsTemplates templates;
    private final SmsProperties properties;
    private final AuditTrail audit;
    private final Clock clock;

    NotificationService(Outbox outbox, Alerts alerts, ArchiveFacts archive, SmsTemplates templates,
                        SmsProperties properties, AuditTrail audit, Clock clock) {
        this.outbox = outbox;
        this.alerts = alerts;
        this.archive = archive;
        this.templates = templates;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Queues {@code templateKey} (an {@code sms.*} key) to every number of the meter's household.
     * A number that got the same {@code dedupKey} within {@code jichao.sms.dedup-window} is left
     * out. Returns the queued message ids (empty: no household, no numbers, or all de-duplicated).
     */
    @Transactional
    public List<Long> toHousehold(long meterId, String templateKey, Map<String, String> values, String dedupKey) {
        Optional<Place> place = archive.meter(meterId);
        if (place.isEmpty() || place.get().householdId() == null) {
            return List.of();
        }
        return toHousehold(place.get(), templateKey, values, dedupKey);
    }

    /** As {@link #toHousehold(long, String, Map, String)}, for a household without going through a meter. */
    @Transactional
    public List<Long> toHouseholdById(long householdId, String templateKey, Map<String, String> values, String dedupKey) {
        return archive.household(householdId).map(place -> toHousehold(place, templateKey, values, dedupKey))
                .orElse(List.of());
    }

    private List<Long> toHousehold(Place place, String templateKey, Map<String, String> values, String dedupKey) {
        Instant now = clock.instant();
        String language = SmsTemplates.language(null, properties.defaultLanguage());
        String body = templates.render(templateKey, language, values);
        List<Long> ids = new ArrayList<>();
        for (String phone : archive.phones(place.householdId())) {
            if (outbox.reserve(dedupKey, phone, now, properties.dedupWindow())) {
                ids.add(outbox.insert(new Outbox.Message("HOUSEHOLD", phone, language, templateKey, body, dedupKey,
                        null, null, false, place.buildingId(), place.boxId(), place.householdId()), now));
            }
        }
        return ids;
    }

    /**
     * Alerts the managers of the meter's building: the first contact of its list now, the next one
     * each {@code jichao.sms.escalation-delay} until {@link #acknowledge} is called with the same
     * key. {@code alertKey} names one occurrence (e.g. {@code "alarm:42"}); the same key again
     * queues nothing (false). {@code urgent} messages are sent during quiet hours as well.
     */
    @Transactional
    public boolean alert(long meterId, String templateKey, Map<String, String> values, String alertKey, boolean urgent) {
        Place place = archive.meter(meterId).orElseThrow(() -> new IllegalArgumentException("No meter " + meterId));
        return alert(place.buildingId(), place.boxId(), templateKey, values, alertKey, urgent);
    }

    /** As {@link #alert(long, String, Map, String, boolean)} for a building (a collector's or port's alarm). */
    @Transactional
    public boolean alertBuilding(long buildingId, String templateKey, Map<String, String> values, String alertKey,
                                 boolean urgent) {
        if (!archive.buildingExists(buildingId)) {
            throw new IllegalArgumentException("No building " + buildingId);
        }
        return alert(buildingId, null, templateKey, values, alertKey, urgent);
    }

    private boolean alert(long buildingId, Long boxId, String templateKey, Map<String, String> values, String alertKey,
                          boolean urgent) {
        Instant now = clock.instant();
        // Rendered once up front so a bad template or a missing value fails the caller, not the job later.
        templates.render(templateKey, properties.defaultLanguage(), values);
        List<Contact> contacts = archive.contacts(buildingId);
        Instant escalateAt = contacts.size() > 1 ? now.plus(properties.escalationDelay()) : null;
        if (!alerts.open(alertKey, buildingId, boxId, templateKey, values, urgent, now, escalateAt)) {
            return false;
        }
        if (contacts.isEmpty()) {
            log.warn("Alert {} for building {}: no manager contacts, no SMS", alertKey, buildingId);
            return true;
        }
        queueAlert(new Alert(alertKey, buildingId, boxId, templateKey, values, urgent, 0, Alerts.OPEN), contacts.get(0), 0, now);
        return true;
    }

    /**
     * Stops the escalation of the alert: nobody further down the list is notified. {@code by} is
     * who acknowledged it (the operator's user name, as the calling service has checked). False when
     * the alert is unknown or was acknowledged already.
     */
    @Transactional
    public boolean acknowledge(String alertKey, String by) {
        boolean changed = alerts.acknowledge(alertKey, by, clock.instant());
        if (changed) {
            audit.record(by, "SMS_ALERT_ACK", "alert " + alertKey, "escalation stopped");
        }
        return changed;
    }

    /** Queues the next contact of every open alert whose time has come; the dispatch job calls it. */
    @Transactional
    public int escalateDue() {
        Instant now = clock.instant();
        int escalated = 0;
        for (Alert alert : alerts.dueForUpdate(now)) {
            List<Contact> contacts = archive.contacts(alert.buildingId());
            int step = alert.step() + 1;
            if (step >= contacts.size()) {
                alerts.escalated(alert.alertKey(), alert.step(), null);
                continue;
            }
            queueAlert(alert, contacts.get(step), step, now);
            alerts.escalated(alert.alertKey(), step, step + 1 < contacts.size() ? now.plus(properties.escalationDelay()) : null);
            escalated++;
        }
        return escalated;
    }

    /** The messages of one de-duplication key, oldest first (for callers and tests that follow one). */
    @Transactional(readOnly = true)
    public List<NotificationView> messages(String dedupKey) {
        return outbox.byDedupKey(dedupKey);
    }

    /** The messages of one alert, in escalation order. */
    @Transactional(readOnly = true)
    public List<NotificationView> alertMessages(String alertKey) {
        return outbox.byAlert(alertKey);
    }

    private void queueAlert(Alert alert, Contact contact, int step, Instant now) {
        String language = SmsTemplates.language(contact.language(), properties.defaultLanguage());
        String body = templates.render(alert.templateKey(), language, alert.values());
        String dedupKey = alert.alertKey() + "#" + step;
        if (outbox.reserve(dedupKey, contact.phone(), now, properties.dedupWindow())) {
            outbox.insert(new Outbox.Message("MANAGER", contact.phone(), language, alert.templateKey(), body, dedupKey,
                    alert.alertKey(), step, alert.urgent(), alert.buildingId(), alert.boxId(), null), now);
        }
    }
}
