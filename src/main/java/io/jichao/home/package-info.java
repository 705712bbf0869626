/** The home page after login (R23): counts, and later alarms, reading success and sales. */
package io.jichao.home;
