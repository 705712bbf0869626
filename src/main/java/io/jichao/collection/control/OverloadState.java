package io.jichao.collection.control;

/**
 * Where a meter's overload parameters are: PENDING (to be written), WRITTEN (acknowledged, read-back
 * pending), VERIFIED (the meter reports the desired values), FAILED (attempts used up; set again).
 */
public enum OverloadState {
    PENDING, WRITTEN, VERIFIED, FAILED
}
