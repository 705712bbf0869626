package io.jichao.testing;

import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

import io.jichao.collection.CollectionEngine;

/**
 * The Spring engine is shared by every test of the one context: what a test's simulated meters
 * refused (a post-paid meter has no remaining energy) must not make the next test, which may play
 * the same archive meters differently, skip those items. Registered in
 * {@code META-INF/spring.factories}; clears the engine's capability memory after each test.
 */
public final class EngineCapabilityReset extends AbstractTestExecutionListener {

    @Override
    public void afterTestMethod(TestContext context) {
        if (context.hasApplicationContext()) {
            context.getApplicationContext().getBeanProvider(CollectionEngine.class)
                    .ifAvailable(engine -> engine.capabilities().forgetAll());
        }
    }
}
