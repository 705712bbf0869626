package io.jichao.archive;

/**
 * The archive's devices changed: a collector, port or meter was added, edited, disabled or
 * removed (form, import). Published once per committed transaction, after the commit, so a
 * listener that reads {@link DeviceInventory} sees the new state; a rolled-back change publishes
 * nothing. The collection engine reconciles its connections on it.
 *
 * @param cause what changed, for the log (an audit action such as {@code PORT_UPDATE})
 */
public record ArchiveDevicesChanged(String cause) {
}
