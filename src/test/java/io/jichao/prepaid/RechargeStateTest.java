package io.jichao.prepaid;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RechargeStateTest {

    @Test
    void only_a_created_order_can_be_cancelled() {
        for (RechargeState state : RechargeState.values()) {
            assertThat(state.canMoveTo(RechargeState.CANCELLED)).as(state.name())
                    .isEqualTo(state == RechargeState.CREATED);
        }
    }

    @Test
    void confirmed_and_cancelled_are_final() {
        assertThat(RechargeState.CONFIRMED.next()).isEmpty();
        assertThat(RechargeState.CANCELLED.next()).isEmpty();
    }

    @Test
    void a_failed_delivery_is_retried_or_found_confirmed_by_read_back() {
        assertThat(RechargeState.SENT.next()).containsExactlyInAnyOrder(RechargeState.CONFIRMED,
                RechargeState.FAILED_RETRYING);
        assertThat(RechargeState.FAILED_RETRYING.next()).containsExactlyInAnyOrder(RechargeState.SENT,
                RechargeState.CONFIRMED);
        assertThat(RechargeState.CREATED.awaitsDelivery()).isTrue();
        assertThat(RechargeState.FAILED_RETRYING.awaitsDelivery()).isTrue();
        assertThat(RechargeState.SENT.awaitsDelivery()).isFalse();
    }
}
