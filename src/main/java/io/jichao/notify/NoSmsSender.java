package io.jichao.notify;

/**
 * {@code jichao.sms.sender=none}, the default of a production install until a gateway is set:
 * nothing is sent, messages stay QUEUED (the dispatcher does not claim them) and the notifications
 * page says that no SMS sender is configured.
 */
final class NoSmsSender implements SmsSender {

    @Override
    public Sent send(Sms sms) throws SmsSendException {
        throw new SmsSendException("no SMS sender is configured (jichao.sms.sender=none)", null,
                Failure.UNREACHABLE);
    }

    @Override
    public boolean sends() {
        return false;
    }
}
