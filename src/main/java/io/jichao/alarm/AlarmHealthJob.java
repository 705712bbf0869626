package io.jichao.alarm;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Checks the engine's connections every {@code jichao.alarms.health-interval} where the engine
 * runs. No ShedLock: the health is the engine's own, in this process (one engine per installation).
 */
@Component
@ConditionalOnProperty(name = "jichao.collection.enabled", havingValue = "true")
class AlarmHealthJob {

    private final EngineHealthRules rules;

    AlarmHealthJob(EngineHealthRules rules) {
        this.rules = rules;
    }

    @Scheduled(fixedDelayString = "${jichao.alarms.health-interval:30s}",
            initialDelayString = "${jichao.alarms.health-interval:30s}")
    void check() {
        rules.check();
    }
}
