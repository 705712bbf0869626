package io.jichao.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.jichao.audit.AuditTrail;
import io.jichao.security.CurrentOperator;
import io.jichao.security.OperatorContext;
import io.jichao.security.Permission;
import io.jichao.shared.DomainException;

/**
 * The notifications page's service: a building's manager contacts (seen with VIEW_ARCHIVE, changed
 * with EDIT_SITE_STRUCTURE, the whole building inside the district, changes audited) and the
 * outbox of the district (messages whose building or box is inside it).
 */
@Service
public class NotificationAdminService {

    private static final Pattern PHONE = Pattern.compile("(?=.{5,20}$)\\+?[0-9]+");
    private static final int OUTBOX_ROWS = 200;

    /** A contact as typed on the page; the list order is the escalation order. */
    public record ContactDraft(String name, String phone, String language) {
    }

    private final ArchiveFacts archive;
    private final Outbox outbox;
    private final Alerts alerts;
    private final NotificationService notifications;
    private final CurrentOperator currentOperator;
    private final AuditTrail audit;
    private final SmsSender sender;

    NotificationAdminService(ArchiveFacts archive, Outbox outbox, Alerts alerts, NotificationService notifications,
                             CurrentOperator currentOperator, AuditTrail audit, SmsSender sender) {
        this.sender = sender;
        this.archive = archive;
        this.outbox = outbox;
        this.alerts = alerts;
        this.notifications = notifications;
        this.currentOperator = currentOperator;
        this.audit = audit;
    }

    /**
     * The translation key of a warning about the configured sender: none (messages stay queued) or
     * the development log sender (messages reach no phone); empty for a real gateway.
     */
    public java.util.Optional<String> senderWarning() {
        if (!sender.sends()) {
            return java.util.Optional.of("notifications.sender.none");
        }
        return sender instanceof LogSmsSender ? java.util.Optional.of("notifications.sender.log")
                : java.util.Optional.empty();
    }

    @Transactional(readOnly = true)
    public List<Contact> contacts(long buildingId) {
        building(Permission.VIEW_ARCHIVE, buildingId);
        return archive.contacts(buildingId);
    }

    /** Replaces the building's list with {@code drafts}, in that order. */
    @Transactional
    public List<Contact> replaceContacts(long buildingId, List<ContactDraft> drafts) {
        OperatorContext operator = building(Permission.EDIT_SITE_STRUCTURE, buildingId);
        List<Contact> contacts = new ArrayList<>();
        for (ContactDraft draft : drafts) {
            String name = draft.name() == null ? "" : draft.name().strip();
            String phone = draft.phone() == null ? "" : draft.phone().strip();
            if (name.isEmpty()) {
                throw new DomainException("error.notify.contact.name");
            }
            if (!PHONE.matcher(phone).matches()) {
                throw new DomainException("error.notify.contact.phone", phone);
            }
            contacts.add(new Contact(buildingId, contacts.size(), name, phone,
                    SmsTemplates.language(draft.language(), "zh-CN")));
        }
        archive.replaceContacts(buildingId, contacts);
        audit.record(operator.username(), "SMS_CONTACTS", "building " + buildingId,
                String.join(", ", contacts.stream().map(c -> c.name() + " " + c.phone() + " " + c.language()).toList()));
        return archive.contacts(buildingId);
    }

    /** The district's newest messages, newest first. */
    @Transactional(readOnly = true)
    public List<NotificationView> outbox() {
        OperatorContext operator = currentOperator.get();
        operator.require(Permission.VIEW_ARCHIVE);
        return outbox.recent(operator.district(), OUTBOX_ROWS);
    }

    /** An operator acknowledges an alert of a building in the district: its escalation stops. */
    @Transactional
    public boolean acknowledge(String alertKey) {
        OperatorContext operator = currentOperator.get();
        operator.require(Permission.VIEW_ARCHIVE);
        Long buildingId = alerts.building(alertKey).orElse(null);
        if (buildingId == null || !operator.district().covers(buildingId, null)) {
            throw new DomainException("error.notify.alert.unknown", alertKey);
        }
        return notifications.acknowledge(alertKey, operator.username());
    }

    private OperatorContext building(Permission permission, long buildingId) {
        OperatorContext operator = currentOperator.get();
        operator.require(permission);
        if (!operator.district().coversWholeBuilding(buildingId)) {
            throw new DomainException("error.notify.building.district");
        }
        return operator;
    }
}
