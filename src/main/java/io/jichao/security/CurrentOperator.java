package io.jichao.security;

/**
 * The operator on whose behalf a service runs. Services ask this, never the view, so no
 * view, API or job can act outside the operator's district.
 */
public interface CurrentOperator {

    /** The acting operator; refuses when nobody is logged in. */
    OperatorContext get();
}
