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

    /** True when a meter may be billed this way: local credit needs a meter that can hold it. */
    public static boolean allows(BillingMode mode, MeterProtocol protocol) {
        return mode != BillingMode.PREPAID || canHoldCredit(protocol);
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
