package io.jichao.archive;

/**
 * What a meter can do, by what the archive knows of it: the one rule every feature asks before it
 * relies on a capability (the archive form and import, the recharge page, the engine's delivery).
 *
 * <p>Holding credit (meter-side prepaid, {@link BillingMode#PREPAID}) needs a meter that accepts a
 * recharge write and reads back its remaining energy and purchase count. The engine drives those
 * through its DL/T 645 meter profile ({@code io.jichao.protocol.dlt645.MeterProfile}), whose items
 * are DL/T 645-2007 identifiers; DL/T 645-1997 has no recharge item and Modbus meters carry none.
 * The archive keeps no model per meter, so the protocol decides.
 */
public final class MeterCapabilities {

    private MeterCapabilities() {
    }

    /** True when a meter of this protocol can receive a recharge and keep the credit itself. */
    public static boolean canHoldCredit(MeterProtocol protocol) {
        return protocol == MeterProtocol.DLT645_2007;
    }

    /**
     * True when the engine can trip and close a meter of this protocol with read-back, which
     * host-side prepaid ({@link BillingMode#HOST_PREPAID}) needs to cut a household off at zero.
     */
    public static boolean canSwitchRelay(MeterProtocol protocol) {
        return protocol.hasRelayCommand();
    }

    /**
     * True when a meter may be billed this way: local credit needs a meter that can hold it,
     * host-side prepaid one whose relay the engine can switch.
     */
    public static boolean allows(BillingMode mode, MeterProtocol protocol) {
        return switch (mode) {
            case PREPAID -> canHoldCredit(protocol);
            case HOST_PREPAID -> canSwitchRelay(protocol);
            case POSTPAID -> true;
        };
    }

    /** The protocol's standard name, the same in every language, for messages that name it. */
    public static String label(MeterProtocol protocol) {
        return switch (protocol) {
            case DLT645_1997 -> "DL/T 645-1997";
            case DLT645_2007 -> "DL/T 645-2007";
            case MODBUS_RTU -> "Modbus RTU";
        };
    }
}
