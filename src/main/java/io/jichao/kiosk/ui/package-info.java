/**
 * The kiosk's touch views (no operator shell, no keyboard: an on-screen keypad), the phone view
 * opened by the QR code, and the operator pages to register kiosks and set residents' PINs.
 */
package io.jichao.kiosk.ui;
