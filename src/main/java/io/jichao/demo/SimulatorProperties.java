package io.jichao.demo;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled       start the built-in simulator after the demo seeder, for the collectors marked simulated
 * @param dialInHost    where the simulated dial-in (CLIENT) collectors connect: the engine's dial-in listener
 * @param dialInPort    the engine's dial-in port
 * @param seed          makes the simulated loads, credits and energies repeatable
 * @param timeScale     simulated seconds per real second
 * @param responseDelay the simulated meters' answer delay
 */
@ConfigurationProperties("jichao.simulator")
public record SimulatorProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("127.0.0.1") String dialInHost,
        @DefaultValue("17900") int dialInPort,
        @DefaultValue("2024") long seed,
        @DefaultValue("1") double timeScale,
        @DefaultValue("50ms") Duration responseDelay) {
}
