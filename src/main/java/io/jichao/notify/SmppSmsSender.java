package io.jichao.notify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.Alphabet;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GeneralDataCoding;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.InvalidDeliveryReceiptException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SMPP 3.4 through jSMPP: one transceiver session (bound on first use, bound again after any
 * failure), submit_sm in UCS-2 with an SMSC delivery receipt requested (success and failure),
 * long texts in the {@code message_payload} TLV; deliver_sm receipts go to {@link SmsReceipts}.
 */
class SmppSmsSender implements SmsSender, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmppSmsSender.class);
    /** UCS-2 bytes that fit short_message; longer texts go in message_payload. */
    private static final int SHORT_MESSAGE_BYTES = 140;

    private final SmsProperties.Smpp config;
    private final SmsReceipts receipts;
    private SMPPSession session;

    SmppSmsSender(SmsProperties.Smpp config, SmsReceipts receipts) {
        this.config = config;
        this.receipts = receipts;
    }

    @Override
    public synchronized Sent send(Sms sms) throws SmsSendException {
        SMPPSession bound = session();
        byte[] text = sms.body().getBytes(StandardCharsets.UTF_16BE);
        boolean payload = text.length > SHORT_MESSAGE_BYTES;
        try {
            String messageId = bound.submitShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN,
                    config.sourceAddress(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.ISDN, sms.phone(), new ESMClass(),
                    (byte) 0, (byte) 1, null, null, new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0,
                    new GeneralDataCoding(Alphabet.ALPHA_UCS2), (byte) 0, payload ? new byte[0] : text,
                    payload ? new OptionalParameter[] {new OptionalParameter.OctetString(
                            OptionalParameter.Tag.MESSAGE_PAYLOAD.code(), text)} : new OptionalParameter[0])
                    .getMessageId();
            return new Sent(messageId, false);
        } catch (NegativeResponseException e) {
            // The SMSC answered and refused this message; the session is fine.
            throw new SmsSendException("submit_sm refused, command status " + e.getCommandStatus(), e, Failure.REFUSED);
        } catch (PDUException e) {
            throw new SmsSendException("submit_sm not built: " + e.getMessage(), e, Failure.REFUSED);
        } catch (IOException e) {
            // Writing the PDU failed: the SMSC did not get it.
            closeSession();
            throw new SmsSendException("submit_sm not sent: " + e, e, Failure.UNREACHABLE);
        } catch (ResponseTimeoutException | InvalidResponseException e) {
            // SMPP has no idempotency key: a lost or garbled submit_sm_resp may hide an accepted message.
            closeSession();
            throw new SmsSendException("no valid submit_sm_resp (" + e + "); outcome unknown, not sent again", e,
                    Failure.OUTCOME_UNKNOWN);
        }
    }

    private SMPPSession session() throws SmsSendException {
        if (session != null && session.getSessionState().isBound()) {
            return session;
        }
        closeSession();
        SMPPSession fresh = new SMPPSession();
        fresh.setTransactionTimer(config.timeout().toMillis());
        fresh.setMessageReceiverListener(new Receipts());
        try {
            fresh.connectAndBind(config.host(), config.port(), new BindParameter(BindType.BIND_TRX, config.systemId(),
                    config.password(), config.systemType(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null),
                    config.timeout().toMillis());
        } catch (IOException e) {
            fresh.close();
            throw new SmsSendException("SMPP bind to " + config.host() + ":" + config.port() + " failed: " + e.getMessage(), e, Failure.UNREACHABLE);
        }
        session = fresh;
        return fresh;
    }

    private void closeSession() {
        if (session != null) {
            try {
                session.unbindAndClose();
            } catch (RuntimeException e) {
                log.debug("SMPP session close", e);
            }
            session = null;
        }
    }

    @Override
    public synchronized void close() {
        closeSession();
    }

    /** deliver_sm from the SMSC: receipts are stored; mobile-originated messages are ignored. */
    private final class Receipts implements MessageReceiverListener {

        @Override
        public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
            if (!deliverSm.isSmscDeliveryReceipt()) {
                return;
            }
            try {
                DeliveryReceipt receipt = deliverSm.getShortMessageAsDeliveryReceipt();
                DeliveryReceiptState state = receipt.getFinalStatus();
                receipts.received(receipt.getId(), state == null ? "UNKNOWN" : state.name(),
                        state == DeliveryReceiptState.DELIVRD, new String(deliverSm.getShortMessage(), StandardCharsets.ISO_8859_1));
            } catch (InvalidDeliveryReceiptException e) {
                log.warn("Unreadable SMPP delivery receipt: {}", e.getMessage());
            }
        }

        @Override
        public void onAcceptAlertNotification(AlertNotification alertNotification) {
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            return null;
        }
    }
}
