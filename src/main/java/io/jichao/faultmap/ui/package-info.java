/** The fault map page: building and floor choice, the plan with its coloured points, placing, plan upload. */
package io.jichao.faultmap.ui;
