/*
 * HTTP attendance uploads from several concurrent clients over loopback: each client is one farm, on a
 * thread and a keep-alive connection of its own, sending its 2,000-row file again and again with
 * different statuses (every upload changes every row, the heaviest kind of correction). Prints one JSON
 * line: latencies in milliseconds and throughput.
 *
 * In C so that the load takes little of the processor it measures: on two cores, the Python threads
 * that sent the same uploads used a third of a core, a fifth as much as the service (BENCHMARKS.md).
 * The bodies are upload_bodies.py's `variants`; `Benchmarks/run.py` checks that they are the same bytes
 * (`--body`).
 *
 *   cc -O2 -pthread -o upload_load Benchmarks/upload_load.c
 *   upload_load PORT[,PORT...] CLIENTS UPLOADS_PER_CLIENT FIRST_VARIANT TOKEN:FILE ...
 *   upload_load --body FILE VARIANT          (prints that body)
 *
 * With several ports (service instances on one database), the clients take them in turn.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static const char *codes[] = {"M", "FM", "FU", "AT"};
static int ports[16], port_count, uploads, first;

struct client {
    int port;
    const char *token;
    char **bodies;
    size_t *lengths;
    double *latencies;
    int done, failures;
};

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

/* The file's rows with the statuses and hours of `variant`, as upload_load.py's variants(). */
static char *variant_body(char **rows, int count, const char *header, int variant, size_t *length) {
    /* Each row keeps at most its own bytes and gains a status and hours of at most 24. */
    size_t capacity = strlen(header) + 2;
    for (int index = 0; index < count; index++) capacity += strlen(rows[index]) + 24;
    char *body = malloc(capacity), *at = body;
    char hours[16];
    snprintf(hours, sizeof hours, "%d.%d", 1 + (variant % 110) / 10, variant % 10);
    at += sprintf(at, "%s\n", header);
    for (int index = 0; index < count; index++) {
        /* The first three fields of the row. */
        const char *row = rows[index];
        const char *end = row;
        for (int fields = 0; fields < 3 && *end; end++) if (*end == ';' && ++fields == 3) break;
        memcpy(at, row, end - row);
        at += end - row;
        int code = (index + variant) % 4;
        at += sprintf(at, ";%s;%s\n", codes[code], code == 0 ? hours : "");
    }
    *length = at - body;
    return body;
}

static int connect_to_service(int port) {
    int descriptor = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = htons(port)};
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(descriptor, (struct sockaddr *)&address, sizeof address) != 0) { close(descriptor); return -1; }
    int one = 1;
    setsockopt(descriptor, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    return descriptor;
}

static int send_all(int descriptor, const char *data, size_t length) {
    while (length > 0) {
        ssize_t sent = send(descriptor, data, length, MSG_NOSIGNAL);
        if (sent <= 0) return -1;
        data += sent;
        length -= sent;
    }
    return 0;
}

/* Reads one response; returns its status code, or -1 when the connection failed. */
static int read_response(int descriptor) {
    static __thread char buffer[1 << 16];
    size_t have = 0;
    char *head_end = NULL;
    while (!head_end) {
        ssize_t got = recv(descriptor, buffer + have, sizeof buffer - 1 - have, 0);
        if (got <= 0) return -1;
        have += got;
        buffer[have] = 0;
        head_end = strstr(buffer, "\r\n\r\n");
        if (!head_end && have >= sizeof buffer - 1) return -1;
    }
    int status = atoi(buffer + 9);
    long length = 0;
    for (char *line = buffer; line && line < head_end; line = strstr(line, "\r\n") ? strstr(line, "\r\n") + 2 : NULL)
        if (strncasecmp(line, "content-length:", 15) == 0) length = atol(line + 15);
    long body = have - (head_end + 4 - buffer);
    while (body < length) {
        ssize_t got = recv(descriptor, buffer, sizeof buffer, 0);
        if (got <= 0) return -1;
        body += got;
    }
    return status;
}

static void *run_client(void *argument) {
    struct client *client = argument;
    int descriptor = connect_to_service(client->port);
    char head[1024];
    for (int number = 0; number < uploads; number++) {
        int length = snprintf(head, sizeof head,
            "POST /v1/attendance?filename=upload-%d.csv HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nAuthorization: Bearer %s\r\n"
            "Content-Type: text/csv\r\nContent-Length: %zu\r\n\r\n", number, client->port, client->token, client->lengths[number]);
        double started = now();
        int status = descriptor < 0 ? -1 : send_all(descriptor, head, length) == 0
            && send_all(descriptor, client->bodies[number], client->lengths[number]) == 0 ? read_response(descriptor) : -1;
        if (status < 0) {
            client->failures++;
            if (descriptor >= 0) close(descriptor);
            descriptor = connect_to_service(client->port);
            continue;
        }
        client->latencies[client->done++] = (now() - started) * 1000;
        if (status != 200 && status != 201) client->failures++;
    }
    if (descriptor >= 0) close(descriptor);
    return NULL;
}

static int by_value(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The file's header and rows, or NULL when it cannot be read. */
static char **read_rows(const char *path, char *header, size_t size, int *count) {
    FILE *file = fopen(path, "r");
    if (!file) { perror(path); return NULL; }
    char line[4096];
    char **rows = NULL;
    int capacity = 0;
    *count = 0;
    if (!fgets(header, size, file)) { fclose(file); return NULL; }
    header[strcspn(header, "\r\n")] = 0;
    while (fgets(line, sizeof line, file)) {
        line[strcspn(line, "\r\n")] = 0;
        if (*count == capacity) rows = realloc(rows, (capacity = capacity ? capacity * 2 : 1024) * sizeof *rows);
        rows[(*count)++] = strdup(line);
    }
    fclose(file);
    return rows;
}

int main(int argc, char **argv) {
    char header[4096];
    int count;
    if (argc == 4 && strcmp(argv[1], "--body") == 0) {
        char **rows = read_rows(argv[2], header, sizeof header, &count);
        if (!rows) return 66;
        size_t length;
        char *body = variant_body(rows, count, header, atoi(argv[3]), &length);
        fwrite(body, 1, length, stdout);
        return 0;
    }
    if (argc < 6) { fprintf(stderr, "upload_load PORT[,PORT...] CLIENTS UPLOADS FIRST TOKEN:FILE ...\n"); return 64; }
    for (char *port = strtok(argv[1], ","); port && port_count < 16; port = strtok(NULL, ",")) ports[port_count++] = atoi(port);
    int clients = atoi(argv[2]);
    uploads = atoi(argv[3]);
    first = atoi(argv[4]);
    if (clients > argc - 5) clients = argc - 5;
    struct client *all = calloc(clients, sizeof *all);
    for (int index = 0; index < clients; index++) {
        char *pair = strdup(argv[5 + index]), *colon = strchr(pair, ':');
        if (!colon) { fprintf(stderr, "not TOKEN:FILE: %s\n", pair); return 64; }
        *colon = 0;
        all[index].token = pair;
        all[index].port = ports[index % port_count];
        char **rows = read_rows(colon + 1, header, sizeof header, &count);
        if (!rows) return 66;
        all[index].bodies = malloc(uploads * sizeof(char *));
        all[index].lengths = malloc(uploads * sizeof(size_t));
        all[index].latencies = malloc(uploads * sizeof(double));
        for (int number = 0; number < uploads; number++)
            all[index].bodies[number] = variant_body(rows, count, header, first + number, &all[index].lengths[number]);
    }
    pthread_t *threads = calloc(clients, sizeof *threads);
    double started = now();
    for (int index = 0; index < clients; index++) pthread_create(&threads[index], NULL, run_client, &all[index]);
    for (int index = 0; index < clients; index++) pthread_join(threads[index], NULL);
    double elapsed = now() - started;
    int total = 0, failures = 0;
    for (int index = 0; index < clients; index++) { total += all[index].done; failures += all[index].failures; }
    double *latencies = malloc((total ? total : 1) * sizeof(double));
    for (int index = 0, at = 0; index < clients; index++)
        for (int number = 0; number < all[index].done; number++) latencies[at++] = all[index].latencies[number];
    qsort(latencies, total, sizeof(double), by_value);
    /* The median and the 99th percentile as upload_load.py reported them (statistics.median; the value
       at 99 % of the count). */
    double p50 = total == 0 ? 0 : total % 2 ? latencies[total / 2] : (latencies[total / 2 - 1] + latencies[total / 2]) / 2;
    int p99 = (int)(total * 0.99) - 1;
    printf("{\"uploads\": %d, \"failures\": %d, \"seconds\": %.3f, \"uploads_per_second\": %.1f, \"p50_ms\": %.2f, \"p99_ms\": %.2f, "
           "\"max_ms\": %.2f}\n", total, failures, elapsed, total / elapsed, p50, total ? latencies[p99 < 0 ? 0 : p99] : 0,
           total ? latencies[total - 1] : 0);
    return 0;
}
