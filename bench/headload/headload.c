/*
 * headload: a closed-loop HTTP/1.1 HEAD load generator for the benchmark's "head" scenario.
 *
 * wrk 4.1 cannot do HEAD: its parser waits for the Content-Length body that a HEAD response
 * announces but never sends. This tool keeps the same model as wrk (N keep-alive connections,
 * one request in flight on each, random instance values, a fixed duration) and prints the same
 * BENCHJSON line as bench/lua/report.lua. Responses are taken as ending at the first blank line,
 * which is right for HEAD (RFC 9110 9.3.2) and for nothing else.
 *
 * usage: headload -a ADDR -p PORT -c CONNS -d SECONDS -H HOST -P PREFIX -S SUFFIX -l LOW -u HIGH
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_CONNS 1024
#define BUF_SIZE 16384
#define HIST_US 10000000 /* 1 us buckets up to 10 s */
#define MAX_RECONNECTS 1000

struct conn {
    int fd;
    char out[1024];
    size_t out_len, out_off;
    char in[BUF_SIZE];
    size_t in_len;
    uint64_t start_us;
};

static struct conn conns[MAX_CONNS];
static uint32_t *hist;
static uint64_t hist_over, requests, bytes_read, status_errors, connect_errors, read_errors, write_errors;
static uint64_t lat_sum, lat_max;
static uint64_t rng = 88172645463325252ULL;
static const char *opt_addr = "127.0.0.1", *opt_host = "example.com";
static const char *opt_prefix = "/client.json?instance_id=", *opt_suffix = "";
static int opt_port = 80, opt_conns = 32;
static double opt_seconds = 5;
static long opt_low = 1, opt_high = 999999;
static int epfd, reconnects;

static uint64_t now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

static uint64_t next_random(void)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return rng;
}

static int open_conn(struct conn *c)
{
    struct sockaddr_in sa;
    int one = 1;

    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_port = htons((uint16_t)opt_port);
    if (inet_pton(AF_INET, opt_addr, &sa.sin_addr) != 1) {
        fprintf(stderr, "headload: bad address %s\n", opt_addr);
        exit(2);
    }
    c->fd = socket(AF_INET, SOCK_STREAM, 0);
    if (c->fd < 0 || connect(c->fd, (struct sockaddr *)&sa, sizeof sa) != 0) {
        connect_errors++;
        if (c->fd >= 0) {
            close(c->fd);
        }
        c->fd = -1;
        return -1;
    }
    setsockopt(c->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    fcntl(c->fd, F_SETFL, fcntl(c->fd, F_GETFL) | O_NONBLOCK);
    c->in_len = 0;
    struct epoll_event ev = { .events = EPOLLIN, .data.ptr = c };
    epoll_ctl(epfd, EPOLL_CTL_ADD, c->fd, &ev);
    return 0;
}

static void close_conn(struct conn *c)
{
    if (c->fd >= 0) {
        epoll_ctl(epfd, EPOLL_CTL_DEL, c->fd, NULL);
        close(c->fd);
    }
    c->fd = -1;
}

static void flush_out(struct conn *c)
{
    while (c->out_off < c->out_len) {
        ssize_t n = write(c->fd, c->out + c->out_off, c->out_len - c->out_off);
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            struct epoll_event ev = { .events = EPOLLIN | EPOLLOUT, .data.ptr = c };
            epoll_ctl(epfd, EPOLL_CTL_MOD, c->fd, &ev);
            return;
        }
        if (n <= 0) {
            write_errors++;
            close_conn(c);
            return;
        }
        c->out_off += (size_t)n;
    }
    struct epoll_event ev = { .events = EPOLLIN, .data.ptr = c };
    epoll_ctl(epfd, EPOLL_CTL_MOD, c->fd, &ev);
}

static void send_request(struct conn *c)
{
    long span = opt_high - opt_low + 1;
    long value = opt_low + (long)(next_random() % (uint64_t)span);
    int n = snprintf(c->out, sizeof c->out, "HEAD %s%ld%s HTTP/1.1\r\nHost: %s\r\n\r\n",
                     opt_prefix, value, opt_suffix, opt_host);

    if (n <= 0 || (size_t)n >= sizeof c->out) {
        fprintf(stderr, "headload: request too long\n");
        exit(2);
    }
    c->out_len = (size_t)n;
    c->out_off = 0;
    c->start_us = now_us();
    flush_out(c);
}

static void record(uint64_t us)
{
    requests++;
    lat_sum += us;
    if (us > lat_max) {
        lat_max = us;
    }
    if (us < HIST_US) {
        hist[us]++;
    } else {
        hist_over++;
    }
}

static uint64_t percentile(double p)
{
    uint64_t want = (uint64_t)((double)requests * p / 100.0 + 0.5), seen = 0;

    if (want == 0) {
        want = 1;
    }
    for (uint64_t i = 0; i < HIST_US; i++) {
        seen += hist[i];
        if (seen >= want) {
            return i;
        }
    }
    return lat_max;
}

/* Consumes complete responses (status line + headers + blank line) from the input buffer. */
static void on_readable(struct conn *c)
{
    for (;;) {
        ssize_t n = read(c->fd, c->in + c->in_len, sizeof c->in - c->in_len - 1);
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            return;
        }
        if (n <= 0) {
            read_errors++;
            close_conn(c);
            return;
        }
        bytes_read += (uint64_t)n;
        c->in_len += (size_t)n;
        c->in[c->in_len] = '\0';

        char *end;
        while ((end = strstr(c->in, "\r\n\r\n")) != NULL) {
            int status = 0;
            if (strncmp(c->in, "HTTP/1.", 7) == 0 && c->in_len > 12) {
                status = atoi(c->in + 9);
            }
            if (status == 0) {
                read_errors++;
                close_conn(c);
                return;
            }
            if (status > 399) {
                status_errors++;
            }
            record(now_us() - c->start_us);
            size_t used = (size_t)(end + 4 - c->in);
            memmove(c->in, end + 4, c->in_len - used + 1);
            c->in_len -= used;
            send_request(c);
            if (c->fd < 0) {
                return;
            }
        }
        if (c->in_len >= sizeof c->in - 1) {
            read_errors++;
            close_conn(c);
            return;
        }
    }
}

static void usage(void)
{
    fprintf(stderr, "usage: headload -a ADDR -p PORT -c CONNS -d SECONDS -H HOST -P PREFIX -S SUFFIX -l LOW -u HIGH\n");
    exit(2);
}

int main(int argc, char **argv)
{
    int opt;

    while ((opt = getopt(argc, argv, "a:p:c:d:H:P:S:l:u:")) != -1) {
        switch (opt) {
        case 'a': opt_addr = optarg; break;
        case 'p': opt_port = atoi(optarg); break;
        case 'c': opt_conns = atoi(optarg); break;
        case 'd': opt_seconds = atof(optarg); break;
        case 'H': opt_host = optarg; break;
        case 'P': opt_prefix = optarg; break;
        case 'S': opt_suffix = optarg; break;
        case 'l': opt_low = atol(optarg); break;
        case 'u': opt_high = atol(optarg); break;
        default: usage();
        }
    }
    if (opt_conns < 1 || opt_conns > MAX_CONNS || opt_seconds <= 0 || opt_seconds > 600 || opt_high < opt_low) {
        usage();
    }

    hist = calloc(HIST_US, sizeof *hist);
    epfd = epoll_create1(0);
    if (hist == NULL || epfd < 0) {
        perror("headload");
        return 2;
    }
    rng ^= (uint64_t)time(NULL) * 2654435761u ^ (uint64_t)getpid();

    uint64_t begin = now_us();
    uint64_t deadline = begin + (uint64_t)(opt_seconds * 1e6);

    for (int i = 0; i < opt_conns; i++) {
        if (open_conn(&conns[i]) == 0) {
            send_request(&conns[i]);
        }
    }

    struct epoll_event events[64];
    for (;;) {
        uint64_t now = now_us();
        if (now >= deadline) {
            break;
        }
        int timeout_ms = (int)((deadline - now) / 1000u) + 1;
        int n = epoll_wait(epfd, events, 64, timeout_ms > 100 ? 100 : timeout_ms);
        for (int i = 0; i < n; i++) {
            struct conn *c = events[i].data.ptr;
            if (c->fd < 0) {
                continue;
            }
            if (events[i].events & EPOLLOUT) {
                flush_out(c);
            }
            if (c->fd >= 0 && (events[i].events & (EPOLLIN | EPOLLERR | EPOLLHUP))) {
                on_readable(c);
            }
        }
        /* A connection the server closed is reopened, a bounded number of times in all. */
        for (int i = 0; i < opt_conns && reconnects < MAX_RECONNECTS; i++) {
            if (conns[i].fd < 0) {
                reconnects++;
                if (open_conn(&conns[i]) == 0) {
                    send_request(&conns[i]);
                }
            }
        }
    }

    uint64_t duration = now_us() - begin;
    printf("HEAD %llu requests in %.2fs, %.0f requests/s\n", (unsigned long long)requests,
           duration / 1e6, requests / (duration / 1e6));
    printf("BENCHJSON {\"requests\":%llu,\"duration_us\":%llu,\"bytes\":%llu,"
           "\"connect_errors\":%llu,\"read_errors\":%llu,\"write_errors\":%llu,\"status_errors\":%llu,\"timeouts\":0,"
           "\"lat_mean_us\":%.1f,\"lat_p50_us\":%llu,\"lat_p90_us\":%llu,\"lat_p99_us\":%llu,\"lat_p999_us\":%llu,\"lat_max_us\":%llu}\n",
           (unsigned long long)requests, (unsigned long long)duration, (unsigned long long)bytes_read,
           (unsigned long long)connect_errors, (unsigned long long)read_errors, (unsigned long long)write_errors,
           (unsigned long long)status_errors, requests ? (double)lat_sum / (double)requests : 0.0,
           (unsigned long long)percentile(50), (unsigned long long)percentile(90),
           (unsigned long long)percentile(99), (unsigned long long)percentile(99.9), (unsigned long long)lat_max);
    return 0;
}
