package uk.rcc.system;

import java.lang.management.ManagementFactory;

/**
 * How an instance names itself in the runs it records: RCC_INSTANCE_ID ({@code rcc.instance-id}), or else its host
 * name, so the same instance restarted after a crash recognises the runs it left behind.
 */
public final class InstanceName {
    private InstanceName() {}

    public static String of(String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return ManagementFactory.getRuntimeMXBean().getName();
        }
    }
}
