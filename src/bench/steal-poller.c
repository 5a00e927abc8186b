/*
 * The smallest honest poller of /proc/stat, for the comparison with stealwatch: it keeps the file
 * open, re-reads it at offset 0 every 100 ms on an absolute monotonic schedule, takes the steal
 * counter of the aggregate line and flags a change that is negative or above 100000 ticks (the
 * article's rule). On SIGTERM it writes the wall time of each read, in nanoseconds, to the file
 * named by its argument, so the comparison can work out its cadence.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define INTERVAL_NS 100000000L
#define MAX_SAMPLES 100000

static volatile sig_atomic_t stopping;
static long long stamps[MAX_SAMPLES];

static void stop(int signal) { (void) signal; stopping = 1; }

/* The 8th counter after "cpu": user nice system idle iowait irq softirq steal (man 5 proc). */
static long long steal_of(const char *text) {
    const char *p = text + 3;
    for (int field = 0; field < 7; field++) {
        while (*p == ' ') p++;
        while (*p >= '0' && *p <= '9') p++;
    }
    return strtoll(p, NULL, 10);
}

int main(int argc, char **argv) {
    if (argc != 2) { fprintf(stderr, "usage: %s STAMP_FILE\n", argv[0]); return 2; }
    struct sigaction action = { .sa_handler = stop };
    sigaction(SIGTERM, &action, NULL);
    int fd = open("/proc/stat", O_RDONLY);
    if (fd < 0) { perror("/proc/stat"); return 1; }
    char buf[4096];
    struct timespec due, now;
    clock_gettime(CLOCK_MONOTONIC, &due);
    long long previous = -1;
    long samples = 0;
    while (!stopping) {
        ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
        clock_gettime(CLOCK_REALTIME, &now);
        if (n <= 0) { perror("pread"); return 1; }
        buf[n] = '\0';
        if (samples < MAX_SAMPLES) stamps[samples++] = now.tv_sec * 1000000000LL + now.tv_nsec;
        long long steal = steal_of(buf);
        if (previous >= 0 && (steal < previous || steal - previous > 100000))
            fprintf(stderr, "steal went from %lld to %lld\n", previous, steal);
        previous = steal;
        due.tv_nsec += INTERVAL_NS;
        if (due.tv_nsec >= 1000000000L) { due.tv_sec++; due.tv_nsec -= 1000000000L; }
        while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &due, NULL) != 0 && !stopping) { }
    }
    FILE *out = fopen(argv[1], "w");
    if (!out) { perror(argv[1]); return 1; }
    for (long i = 0; i < samples; i++) fprintf(out, "%lld\n", stamps[i]);
    fclose(out);
    return 0;
}
