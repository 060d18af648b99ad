/* Preloaded under valgrind by Benchmarks/instruction_guard.py. valgrind 3.19 (Debian 12's) writes into
   the signal mask a program hands to sigsuspend; libdispatch, which parks the service's main thread
   there, passes a mask in read-only memory, and valgrind itself crashes. A copy on the stack is the
   same mask, in writable memory. */
#define _GNU_SOURCE
#include <signal.h>
#include <sys/syscall.h>
#include <unistd.h>

int sigsuspend(const sigset_t *mask) {
    sigset_t copy = *mask;
    return (int)syscall(SYS_rt_sigsuspend, &copy, 8);
}
