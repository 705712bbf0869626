package io.jichao.notify;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.bean.InterfaceVersion;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;

/**
 * A real SMPP 3.4 server (jSMPP's {@link SMPPServerSessionListener}) on loopback for the tests: it
 * accepts any bind, records every submit_sm, answers with a fresh message id and then sends a
 * DELIVRD delivery receipt for it as deliver_sm.
 */
final class TestSmsc implements AutoCloseable {

    /** One submit_sm as the server received it. */
    record Submitted(String messageId, String destination, String text) {
    }

    private static final AtomicLong IDS = new AtomicLong(0x5000);

    private final SMPPServerSessionListener listener;
    private final int port;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    private final List<Submitted> submitted;
    private volatile boolean open = true;
    private volatile long answerDelayMillis;

    private TestSmsc(int port, List<Submitted> submitted) throws IOException {
        this.submitted = submitted;
        Loopback factory = new Loopback();
        this.listener = new SMPPServerSessionListener(port, factory);
        this.port = factory.socket.getLocalPort();
        listener.setMessageReceiverListener(new Receiver());
        threads.execute(this::acceptLoop);
    }

    /** Starts on an ephemeral port. */
    static TestSmsc start() throws IOException {
        return new TestSmsc(0, new CopyOnWriteArrayList<>());
    }

    /** Starts again on the port of an earlier server, keeping its record of submissions. */
    static TestSmsc restart(TestSmsc stopped) throws IOException {
        return new TestSmsc(stopped.port, stopped.submitted);
    }

    /** Holds each submit_sm_resp back this long (longer than the client's timeout: a lost answer). */
    void delayAnswers(java.time.Duration delay) {
        answerDelayMillis = delay.toMillis();
    }

    int port() {
        return port;
    }

    List<Submitted> submittedTo(String destination) {
        return submitted.stream().filter(s -> s.destination().equals(destination)).toList();
    }

    private void acceptLoop() {
        while (open) {
            try {
                SMPPServerSession session = listener.accept();
                sessions.add(session);
                threads.execute(() -> bind(session));
            } catch (java.net.SocketTimeoutException e) {
                // accept() waits in slices; keep listening.
            } catch (IOException e) {
                return;
            }
        }
    }

    private void bind(SMPPServerSession session) {
        try {
            BindRequest request = session.waitForBind(5_000);
            request.accept("test-smsc", InterfaceVersion.IF_34);
        } catch (Exception e) {
            session.close();
        }
    }

    private void receipt(SMPPServerSession session, SubmitSm submit, String messageId) {
        try {
            Date now = new Date();
            DeliveryReceipt receipt = new DeliveryReceipt(messageId, 1, 1, now, now, DeliveryReceiptState.DELIVRD, "000", "");
            session.deliverShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, submit.getDestAddress(),
                    TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, submit.getSourceAddr(),
                    new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                    (byte) 0, (byte) 0, new RegisteredDelivery(0), DataCodings.ZERO,
                    receipt.toString().getBytes(StandardCharsets.ISO_8859_1));
        } catch (Exception e) {
            // The client went away before its receipt: it stays SENT, as with a real SMSC.
        }
    }

    @Override
    public void close() throws IOException {
        open = false;
        listener.close();
        sessions.forEach(SMPPServerSession::close);
        threads.shutdownNow();
    }

    private final class Receiver implements ServerMessageReceiverListener {

        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession source) throws ProcessRequestException {
            String id;
            try {
                MessageId messageId = new MessageId(Long.toHexString(IDS.incrementAndGet()));
                id = messageId.getValue();
                byte[] text = submit.getShortMessage();
                OptionalParameter payload = submit.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD);
                if ((text == null || text.length == 0) && payload instanceof OptionalParameter.OctetString octets) {
                    text = octets.getValue();
                }
                submitted.add(new Submitted(id, submit.getDestAddress(), new String(text, StandardCharsets.UTF_16BE)));
                if (answerDelayMillis > 0) {
                    Thread.sleep(answerDelayMillis);
                }
                threads.execute(() -> {
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                    receipt(source, submit, id);
                });
                return new SubmitSmResult(messageId, new OptionalParameter[0]);
            } catch (Exception e) {
                throw new ProcessRequestException(e.getMessage(), 8);
            }
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancel, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm query, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 3);
        }
    }

    /** Binds the listener to 127.0.0.1 (port 0 = ephemeral), keeping the socket to learn the port. */
    private static final class Loopback implements ServerConnectionFactory {

        private ServerSocket socket;

        @Override
        public ServerConnection listen(int port) throws IOException {
            return listen(port, 0, 50);
        }

        @Override
        public ServerConnection listen(int port, int timeout) throws IOException {
            return listen(port, timeout, 50);
        }

        @Override
        public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
            socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), backlog);
            socket.setSoTimeout(timeout);
            return new ServerSocketConnection(socket);
        }
    }
}
