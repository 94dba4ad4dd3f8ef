<?php
/**
 * Portico's Joomla proxy, for hosts that run PHP and no Node: one file, no dependencies
 * beyond a stock PHP 7.4+ (it uses curl when the host has it, else PHP's own HTTP streams).
 *
 * Joomla's Web Services need a Super User token even to read; a token in the browser is a
 * token for everyone. This file holds it on the server and lets through only the GET (and
 * HEAD) requests Portico's widgets make, cached, with only published and public items inside
 * their publishing window (articles also only in shown categories) and only the fields the
 * widgets use. It mirrors Joomla's API paths after its own address:
 *
 *     https://example.vn/portico-joomla-proxy.php/v1/content/articles?filter[state]=1
 *
 * so the widgets' configuration is `{"type": "joomla", "baseUrl": "/portico-joomla-proxy.php"}`.
 * The same rules as `@portico/plugin-joomla/proxy` (src/proxy-rules.ts); keep them alike.
 *
 * Install: copy this file next to Joomla's index.php, set the configuration below (or the
 * environment variables it names), and open /portico-joomla-proxy.php/v1/content/categories.
 * MIT licence, part of @portico/plugin-joomla.
 */

// ---------------------------------------------------------------------------------------
// Configuration. Environment variables win over the values written here.
// ---------------------------------------------------------------------------------------

// The Joomla site's root address (or its .../api/index.php).
const PORTICO_JOOMLA_URL = 'https://example.vn';
// The API token of a Super User (Users > Edit > Joomla API Token). Better: set the environment
// variable PORTICO_JOOMLA_TOKEN (SetEnv in .htaccess, or the host's panel) and leave this empty.
const PORTICO_JOOMLA_TOKEN = '';
// Seconds an answer is reused, by this proxy and by browsers; 0 turns caching off (but for the
// set of shown categories, kept at least 5 s so that article requests do not each read them again).
const PORTICO_CACHE_SECONDS = 60;
// Where cached answers are kept (only public data goes there). Empty: the system's temporary folder.
const PORTICO_CACHE_DIR = '';
// Origins of pages elsewhere that may read the answers (CORS), or ['*']. Empty: same origin only.
const PORTICO_ALLOWED_ORIGINS = [];
// Joomla access levels the public sees: Public (1) and Guest (5) on a standard install.
const PORTICO_PUBLIC_ACCESS_LEVELS = [1, 5];
// Seconds Joomla may take to answer.
const PORTICO_TIMEOUT = 10;

// ---------------------------------------------------------------------------------------

function portico_setting(string $variable, $default)
{
    $value = getenv($variable);
    // Apache's SetEnv reaches some PHP setups (FastCGI) only through $_SERVER.
    if (($value === false || $value === '') && isset($_SERVER[$variable]) && is_string($_SERVER[$variable])) {
        $value = $_SERVER[$variable];
    }
    return $value === false || $value === '' ? $default : $value;
}

function portico_config(): array
{
    $origins = portico_setting('PORTICO_ALLOWED_ORIGINS', null);
    $levels = portico_setting('PORTICO_PUBLIC_ACCESS_LEVELS', null);
    $joomlaUrl = (string) portico_setting('PORTICO_JOOMLA_URL', PORTICO_JOOMLA_URL);
    return [
        'joomla_url' => $joomlaUrl,
        'token' => (string) portico_setting('PORTICO_JOOMLA_TOKEN', PORTICO_JOOMLA_TOKEN),
        'cache_seconds' => max(0, (int) portico_setting('PORTICO_CACHE_SECONDS', PORTICO_CACHE_SECONDS)),
        'cache_dir' => (string) portico_setting(
            'PORTICO_CACHE_DIR',
            PORTICO_CACHE_DIR !== '' ? PORTICO_CACHE_DIR
                : sys_get_temp_dir() . '/portico-joomla-proxy-' . substr(hash('sha256', $joomlaUrl), 0, 12)
        ),
        'allowed_origins' => $origins === null ? PORTICO_ALLOWED_ORIGINS : array_filter(explode(' ', $origins)),
        'public_access_levels' => $levels === null ? PORTICO_PUBLIC_ACCESS_LEVELS : array_map('intval', explode(',', $levels)),
        'timeout' => (float) portico_setting('PORTICO_TIMEOUT', PORTICO_TIMEOUT),
    ];
}

// The routes the widgets read: [pattern for the end of the request's path, Joomla's path,
// kind of resource, single item?, allowed query parameters (a pattern, or ['always' => value])].
// Every pattern has the D modifier: without it, PHP's `$` also matches before a final line
// break, which would pass `8\n` on to Joomla as a category.
function portico_routes(): array
{
    $page = ['page[offset]' => '/^\d{1,7}$/D', 'page[limit]' => '/^(?:100|[1-9]\d?)$/D'];
    return [
        ['#/v1/content/articles$#D', '/v1/content/articles', 'articles', false, [
            'filter[state]' => ['always' => '1'],
            'filter[category]' => '/^\d{1,10}$/D',
            'filter[language]' => '/^(?:\*|[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})?)$/D',
            'filter[featured]' => '/^[01]$/D',
            'list[ordering]' => '/^a\.(?:publish_up|created|modified|hits|title|id|ordering)$/D',
            'list[direction]' => '/^(?:asc|desc|ASC|DESC)$/D',
        ] + $page],
        ['#/v1/content/articles/(\d{1,10})$#D', '/v1/content/articles/{id}', 'articles', true, []],
        ['#/v1/content/categories$#D', '/v1/content/categories', 'categories', false, $page],
        ['#/v1/menus/site/items$#D', '/v1/menus/site/items', 'menu-items', false, ['filter[menutype]' => '/^[\w-]{1,24}$/D'] + $page],
        ['#/v1/banners$#D', '/v1/banners', 'banners', false, $page],
        ['#/v1/banners/(\d{1,10})$#D', '/v1/banners/{id}', 'banners', true, []],
        ['#/v1/banners/categories$#D', '/v1/banners/categories', 'categories', false, $page],
    ];
}

// What passes of each kind of resource: the "published" attribute, the attributes, the keys of
// object attributes, the relationships.
function portico_field_rules(string $kind): array
{
    $category = ['published', ['id', 'title', 'alias', 'published', 'access', 'parent_id', 'level', 'lft', 'language', 'count_published'], [], []];
    $rules = [
        'articles' => ['state', [
            'id', 'title', 'alias', 'state', 'access', 'catid', 'featured', 'language', 'created', 'created_by_alias',
            'author_name', 'modified', 'publish_up', 'publish_down', 'hits', 'images', 'metadesc', 'text', 'introtext',
            'fulltext',
        ], ['images' => ['image_intro', 'image_intro_alt', 'image_intro_alt_empty', 'image_fulltext', 'image_fulltext_alt', 'image_fulltext_alt_empty']], ['category']],
        'categories' => $category,
        'menu-items' => ['published', [
            'id', 'menutype', 'title', 'alias', 'path', 'link', 'type', 'parent_id', 'level', 'lft', 'published', 'access',
            'browserNav', 'home', 'language', 'publish_up', 'publish_down', 'params',
        ], ['params' => ['menu_show', 'aliasoptions']], []],
        'banners' => ['state', [
            'id', 'name', 'alias', 'catid', 'state', 'type', 'clickurl', 'custombannercode', 'params', 'sticky', 'ordering',
            'language', 'publish_up', 'publish_down', 'imptotal', 'impmade',
        ], ['params' => ['imageurl', 'width', 'height', 'alt']], []],
    ];
    return $rules[$kind];
}

/** The query string as name => first value, without PHP's folding of `page[limit]` into arrays. */
function portico_query_values(string $query): array
{
    $values = [];
    foreach (explode('&', $query) as $pair) {
        if ($pair === '') {
            continue;
        }
        $parts = explode('=', $pair, 2);
        $name = urldecode($parts[0]);
        if (!array_key_exists($name, $values)) {
            $values[$name] = urldecode($parts[1] ?? '');
        }
    }
    return $values;
}

/** @return array{0: ?string, 1: ?string} [the query for Joomla, or null and the refused parameter] */
function portico_upstream_query(array $params, array $values): array
{
    $parts = [];
    foreach ($params as $name => $rule) {
        if (is_array($rule)) {
            $value = $rule['always'];
        } elseif (array_key_exists($name, $values)) {
            $value = $values[$name];
            if (!preg_match($rule, $value)) {
                return [null, $name];
            }
        } else {
            continue;
        }
        // Encoded as JavaScript's encodeURIComponent does, so both proxies ask Joomla alike.
        $parts[] = $name . '=' . strtr(rawurlencode($value), ['%21' => '!', '%2A' => '*', '%27' => "'", '%28' => '(', '%29' => ')']);
    }
    return [implode('&', $parts), null];
}

function portico_pick($source, array $keys): stdClass
{
    $picked = new stdClass();
    foreach ($keys as $key) {
        if (property_exists($source, $key)) {
            $picked->$key = $source->$key;
        }
    }
    return $picked;
}

/**
 * A Joomla date (UTC, `2020-08-25 03:00:00`) in seconds since the epoch; null for "no date"
 * (null, "", Joomla 3's `0000-00-00 00:00:00`); false for anything else, which no window contains.
 * @return int|false|null
 */
function portico_time($value)
{
    if ($value === null || $value === '') {
        return null;
    }
    if (!is_string($value)) {
        return false;
    }
    $text = trim($value);
    if (strncmp($text, '0000-00-00', 10) === 0) {
        return null;
    }
    if (!preg_match('/^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})(?:\.\d+)?(?:Z|[+-]00:?00)?$/', $text, $found)) {
        return false;
    }
    $iso = $found[1] . 'T' . $found[2];
    $date = DateTimeImmutable::createFromFormat('!Y-m-d\TH:i:s', $iso, new DateTimeZone('UTC'));
    // `2020-02-30` would roll over to 1 March: refuse what does not read back the same.
    return $date === false || $date->format('Y-m-d\TH:i:s') !== $iso ? false : $date->getTimestamp();
}

/** Whether $now lies in the item's publishing window: from publish_up (none: from the start) until publish_down (none: for ever). */
function portico_in_window(stdClass $attributes, int $now): bool
{
    $up = portico_time($attributes->publish_up ?? null);
    $down = portico_time($attributes->publish_down ?? null);
    return $up !== false && $down !== false && ($up === null || $up <= $now) && ($down === null || $down > $now);
}

/** The first time after $now at which an item of the document comes up or goes down; null for none. */
function portico_next_window_change($document, int $now): ?int
{
    if (!($document instanceof stdClass)) {
        return null;
    }
    $data = $document->data ?? null;
    $next = null;
    foreach (is_array($data) ? $data : [$data] as $resource) {
        if (!($resource instanceof stdClass) || !isset($resource->attributes) || !($resource->attributes instanceof stdClass)) {
            continue;
        }
        foreach (['publish_up', 'publish_down'] as $name) {
            $time = portico_time($resource->attributes->$name ?? null);
            if (is_int($time) && $time > $now && ($next === null || $time < $next)) {
                $next = $time;
            }
        }
    }
    return $next;
}

/**
 * The ids (as keys) of the categories whose articles the public may see, from this proxy's own
 * (public-only) pages of /v1/content/categories: a category shows when it and every category
 * above it up to the root (1) is listed, as on the site, where a branch under an unpublished
 * category is gone. A trashed or archived category is not listed, nor then the ones under it.
 */
function portico_shown_categories(array $pages): array
{
    $parents = [];
    foreach ($pages as $page) {
        foreach (($page instanceof stdClass && isset($page->data) && is_array($page->data)) ? $page->data : [] as $category) {
            if ($category instanceof stdClass && isset($category->attributes) && $category->attributes instanceof stdClass) {
                $parents[(string) ($category->id ?? '')] = (string) ($category->attributes->parent_id ?? '');
            }
        }
    }
    $shown = [];
    foreach (array_keys($parents) as $id) {
        // Up the tree to the root; a missing parent or a loop hides the branch.
        $path = [];
        $at = (string) $id;
        while ($at !== null && $at !== '1' && !isset($shown[$at]) && !in_array($at, $path, true)) {
            $path[] = $at;
            $at = $parents[$at] ?? null;
        }
        if ($at === '1' || ($at !== null && isset($shown[$at]))) {
            foreach ($path as $step) {
                $shown[$step] = true;
            }
        }
    }
    return $shown;
}

/** The id of an article's category: its `category` relationship, else its `catid`. */
function portico_category_of(stdClass $resource): ?string
{
    $related = $resource->relationships->category->data->id ?? null;
    $id = $related ?? ($resource->attributes->catid ?? null);
    return is_string($id) || is_int($id) ? (string) $id : null;
}

/**
 * A resource with only its allowed fields, null when the public may not see it (not published,
 * not public, outside its window, or an article outside the shown categories, when given);
 * throws for one that is not a resource.
 */
function portico_clean_resource($resource, array $rules, array $levels, int $now, ?array $categories): ?stdClass
{
    [$stateField, $attributeNames, $nested, $relationshipNames] = $rules;
    if (!($resource instanceof stdClass) || !isset($resource->attributes) || !($resource->attributes instanceof stdClass)) {
        throw new UnexpectedValueException('a resource without attributes');
    }
    $source = $resource->attributes;
    $state = $source->$stateField ?? null;
    if ($state !== 1 && $state !== '1') {
        return null;
    }
    if (isset($source->access) && !in_array((int) $source->access, $levels, true)) {
        return null;
    }
    if (!portico_in_window($source, $now)) {
        return null;
    }
    if ($categories !== null) {
        $category = portico_category_of($resource);
        if ($category === null || !isset($categories[$category])) {
            return null;
        }
    }
    $attributes = new stdClass();
    foreach ($attributeNames as $name) {
        if (!property_exists($source, $name)) {
            continue;
        }
        $value = $source->$name;
        if (!isset($nested[$name]) || $value === null) {
            $attributes->$name = $value;
        } elseif ($value instanceof stdClass) {
            $attributes->$name = portico_pick($value, $nested[$name]);
        }
    }
    $cleaned = new stdClass();
    $cleaned->type = $resource->type ?? null;
    $cleaned->id = $resource->id ?? null;
    $cleaned->attributes = $attributes;
    if (isset($resource->relationships) && $resource->relationships instanceof stdClass) {
        $relationships = portico_pick($resource->relationships, $relationshipNames);
        if (count(get_object_vars($relationships)) > 0) {
            $cleaned->relationships = $relationships;
        }
    }
    return $cleaned;
}

/**
 * Joomla's answer as passed on; null for a single item the public may not see; throws for what
 * is not JSON:API. `total-pages` still counts the items left out: a page may hold fewer than its limit.
 */
function portico_public_document($document, string $kind, bool $single, array $levels, int $now, ?array $categories): ?stdClass
{
    if (!($document instanceof stdClass)) {
        throw new UnexpectedValueException('not a JSON object');
    }
    $rules = portico_field_rules($kind);
    $cleaned = new stdClass();
    if (isset($document->links) && $document->links instanceof stdClass) {
        $links = new stdClass();
        foreach (get_object_vars($document->links) as $name => $link) {
            // Joomla writes its own, possibly internal, address into links: keep the query only.
            $query = is_string($link) ? strpos($link, '?') : false;
            if ($query !== false && $query < strlen($link) - 1) {
                $links->$name = substr($link, $query);
            }
        }
        if (count(get_object_vars($links)) > 0) {
            $cleaned->links = $links;
        }
    }
    if ($single) {
        $resource = portico_clean_resource($document->data ?? null, $rules, $levels, $now, $categories);
        if ($resource === null) {
            return null;
        }
        $cleaned->data = $resource;
    } else {
        if (!isset($document->data) || !is_array($document->data)) {
            throw new UnexpectedValueException('no list in "data"');
        }
        $data = [];
        foreach ($document->data as $item) {
            $resource = portico_clean_resource($item, $rules, $levels, $now, $categories);
            if ($resource !== null) {
                $data[] = $resource;
            }
        }
        $cleaned->data = $data;
    }
    if (isset($document->meta) && $document->meta instanceof stdClass && isset($document->meta->{'total-pages'})
        && is_int($document->meta->{'total-pages'})) {
        $cleaned->meta = (object) ['total-pages' => $document->meta->{'total-pages'}];
    }
    return $cleaned;
}

function portico_log(array $config, string $message): void
{
    // Messages name addresses and statuses only; the token is masked all the same.
    error_log('Portico Joomla proxy: ' . str_replace($config['token'], '[token]', $message));
}

function portico_error(int $status, string $title, ?string $retryAfter = null): array
{
    return [$status, json_encode(['errors' => [['title' => $title]]], JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE), 0, $retryAfter];
}

/** An expiry (seconds since the epoch, to the millisecond) as a cache file's first line holds it, whatever the locale. */
function portico_expiry_text(float $expires): string
{
    return sprintf('%.3F', $expires);
}

/**
 * A problem with Joomla's setup that asking again will not fix: 424, which Portico's plugins do
 * not retry (they retry 5xx and 429, by status), remembered a few seconds (at most the cache's
 * time) so that a burst of page views asks Joomla once. The same as the Node proxy's.
 */
function portico_configuration_error(array $config, string $title): array
{
    $seconds = min(5, $config['cache_seconds']);
    $body = json_encode(['errors' => [['code' => 'joomla-configuration', 'title' => $title]]], JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE);
    return [424, $body, $seconds > 0 ? microtime(true) + $seconds : 0, null];
}

/**
 * The categories whose articles the public may see (ids as keys) and when that stops being
 * fresh, read from the category list this proxy serves (and caches) itself; or the list's error.
 * @return array{0: ?array, 1: float|int|null, 2: ?array} [ids, expires (0: not cached), error answer]
 */
function portico_read_categories(array $config): array
{
    $pageSize = 100;
    $mostPages = 20;
    $pages = [];
    $expires = null;
    for ($page = 0; $page < $mostPages; $page++) {
        $query = ($page > 0 ? 'page[offset]=' . ($page * $pageSize) . '&' : '') . 'page[limit]=' . $pageSize;
        $listed = portico_cached_answer($config, '/v1/content/categories', $query, 'categories', false);
        // Joomla answers 404 for an offset past the end.
        if ($listed[0] === 404 && $page > 0) {
            return [portico_shown_categories($pages), $expires, null];
        }
        if ($listed[0] !== 200) {
            return [null, null, $listed];
        }
        // A page that is not cached (cache time 0) is fresh only now.
        $expires = $expires === null ? $listed[2] : min($expires, $listed[2]);
        $document = json_decode($listed[1]);
        $pages[] = $document;
        $total = $document->meta->{'total-pages'} ?? null;
        if (is_int($total) ? $page + 1 >= $total : !is_string($document->links->next ?? null)) {
            return [portico_shown_categories($pages), $expires, null];
        }
    }
    portico_log($config, 'the category list is longer than ' . ($mostPages * $pageSize) . ' categories; articles in the others are not shown.');
    return [portico_shown_categories($pages), $expires, null];
}

/** The set of shown categories remembered in $file (its first line: expiry), or null when there is no fresh one. */
function portico_read_category_set(array $config, string $file): ?array
{
    $stored = @file_get_contents($file);
    $newline = $stored === false ? false : strpos($stored, "\n");
    $expires = $newline === false ? 0.0 : (float) substr($stored, 0, $newline);
    if ($expires <= microtime(true)) {
        return null;
    }
    $expires = min($expires, portico_latest_expiry($config, 5));
    $ids = json_decode(substr($stored, $newline + 1));
    return is_array($ids) ? [array_fill_keys(array_map('strval', $ids), true), $expires, null] : null;
}

/**
 * The categories whose articles the public may see, as portico_read_categories() gives them,
 * built once and kept in the cache folder until the category pages it was built from expire,
 * and at least 5 seconds, even when answers are not cached (cache time 0): otherwise every
 * article request would ask Joomla for the whole category list again. The same as the Node proxy's.
 * @return array{0: ?array, 1: float|int|null, 2: ?array} [ids, expires, error answer]
 */
function portico_categories_shown(array $config): array
{
    $directory = portico_cache_directory($config);
    if ($directory === null) {
        return portico_read_categories($config);
    }
    $file = $directory . '/' . hash('sha256', $config['joomla_url'] . '#shown-categories') . '.json';
    $remembered = portico_read_category_set($config, $file);
    if ($remembered !== null) {
        return $remembered;
    }
    // Built once however many article requests wait for it (the category pages have locks of their own).
    $lock = @fopen($file . '.lock', 'c');
    if ($lock !== false) {
        flock($lock, LOCK_EX);
        $remembered = portico_read_category_set($config, $file);
        if ($remembered !== null) {
            flock($lock, LOCK_UN);
            fclose($lock);
            return $remembered;
        }
    }
    [$ids, $expires, $error] = portico_read_categories($config);
    if ($error === null) {
        $expires = max((float) $expires, microtime(true) + 5);
        $temporary = $file . '.' . bin2hex(random_bytes(6)) . '.tmp';
        $stored = portico_expiry_text($expires) . "\n" . json_encode(array_map('strval', array_keys($ids)));
        if (@file_put_contents($temporary, $stored) !== false) {
            @rename($temporary, $file);
        }
    }
    if ($lock !== false) {
        flock($lock, LOCK_UN);
        fclose($lock);
    }
    return [$ids, $expires, $error];
}

/**
 * @return array{0: int, 1: string, 2: ?string}|string [status, body, Retry-After], or why Joomla
 *   could not be reached
 */
function portico_http_get(array $config, string $url)
{
    $headers = ['X-Joomla-Token: ' . $config['token'], 'Accept: application/vnd.api+json'];
    // Hosts that harden PHP often disable curl_exec alone (disable_functions), leaving curl_init:
    // curl only when every function used here is there.
    if (function_exists('curl_init') && function_exists('curl_setopt_array') && function_exists('curl_exec')
        && function_exists('curl_getinfo') && function_exists('curl_error')) {
        $retryAfter = null;
        $curl = curl_init($url);
        curl_setopt_array($curl, [
            CURLOPT_RETURNTRANSFER => true,
            CURLOPT_HTTPHEADER => $headers,
            // A redirect could carry the token to another host.
            CURLOPT_FOLLOWLOCATION => false,
            CURLOPT_TIMEOUT_MS => (int) ($config['timeout'] * 1000),
            CURLOPT_HEADERFUNCTION => function ($handle, $line) use (&$retryAfter) {
                if (stripos($line, 'retry-after:') === 0) {
                    $retryAfter = trim(substr($line, 12));
                }
                return strlen($line);
            },
        ]);
        $body = curl_exec($curl);
        $status = (int) curl_getinfo($curl, CURLINFO_RESPONSE_CODE);
        $problem = curl_error($curl);
        // A no-op since PHP 8.0 (the handle is freed with its last reference), deprecated in 8.5.
        if (PHP_VERSION_ID < 80000) {
            curl_close($curl);
        }
        if ($body === false || $status === 0) {
            return $problem !== '' ? "curl: $problem" : 'curl gave no answer';
        }
        return [$status, (string) $body, $retryAfter];
    }
    if (!filter_var(ini_get('allow_url_fopen'), FILTER_VALIDATE_BOOLEAN)) {
        return 'this PHP has neither the curl extension nor allow_url_fopen: enable one of them';
    }
    $context = stream_context_create(['http' => [
        'method' => 'GET',
        'header' => implode("\r\n", $headers) . "\r\n",
        'timeout' => $config['timeout'],
        'follow_location' => 0,
        'ignore_errors' => true,
    ]]);
    error_clear_last();
    $stream = @fopen($url, 'rb', false, $context);
    if ($stream === false) {
        return error_get_last()['message'] ?? 'the HTTP stream did not open';
    }
    // The headers from the stream itself: PHP 8.5 deprecates the $http_response_header variable.
    $responseHeaders = stream_get_meta_data($stream)['wrapper_data'] ?? [];
    $body = stream_get_contents($stream);
    fclose($stream);
    if ($body === false || !is_array($responseHeaders) || count($responseHeaders) === 0
        || !preg_match('#^HTTP/\S+\s+(\d{3})#', (string) $responseHeaders[0], $statusLine)) {
        return 'the answer was cut short';
    }
    $retryAfter = null;
    foreach ($responseHeaders as $line) {
        if (stripos((string) $line, 'retry-after:') === 0) {
            $retryAfter = trim(substr((string) $line, 12));
        }
    }
    return [(int) $statusLine[1], $body, $retryAfter];
}

/** @return array{0: int, 1: string, 2: float|int, 3: ?string} [status, body, expires (seconds since the epoch; 0: not cached), Retry-After] */
function portico_ask_joomla(array $config, string $path, string $query, string $kind, bool $single): array
{
    // Articles are checked against the category list, read first, so that an article in a hidden
    // category gets the very answer a missing one gets, whatever the list's fate.
    $categories = null;
    $categoriesExpire = null;
    if ($kind === 'articles') {
        [$categories, $categoriesExpire, $error] = portico_categories_shown($config);
        if ($error !== null) {
            return $error;
        }
    }
    $root = rtrim(preg_replace('#/api/index\.php/*$#', '', $config['joomla_url']), '/') . '/api/index.php';
    $url = $root . $path . ($query !== '' ? '?' . $query : '');
    $began = microtime(true);
    $answer = portico_http_get($config, $url);
    if (is_string($answer)) {
        if (microtime(true) - $began >= $config['timeout'] - 0.05) {
            portico_log($config, "$url gave no answer within {$config['timeout']} s.");
            return portico_error(504, 'Joomla did not answer in time');
        }
        portico_log($config, "$url could not be reached ($answer).");
        return portico_error(502, 'Joomla could not be reached');
    }
    [$status, $text, $retryAfter] = $answer;
    if ($status === 404) {
        return portico_error(404, 'Resource not found');
    }
    if ($status === 429) {
        return portico_error(429, 'Too many requests', $retryAfter);
    }
    // A refused token, a redirect, another 4xx, an answer that is not JSON:API: Joomla's setup,
    // which asking again will not fix (424, remembered briefly). 5xx: may pass (502, retried).
    if ($status >= 300 && $status < 400) {
        portico_log($config, "$url redirected ($status); set the Joomla URL to the address Joomla answers at.");
        return portico_configuration_error($config, 'Joomla redirected the request');
    }
    if ($status === 401 || $status === 403) {
        portico_log($config, "$url refused the token ($status): is it a Super User's, and is the API Authentication - Token plugin on?");
        return portico_configuration_error($config, "Joomla refused the proxy's credentials");
    }
    if ($status < 200 || $status >= 300) {
        portico_log($config, "$url answered $status.");
        return $status < 500 ? portico_configuration_error($config, "Joomla answered $status") : portico_error(502, "Joomla answered $status");
    }
    $now = time();
    try {
        $decoded = json_decode($text, false, 512, JSON_THROW_ON_ERROR);
        $cleaned = portico_public_document($decoded, $kind, $single, $config['public_access_levels'], $now, $categories);
    } catch (Exception $error) {
        $why = $error instanceof UnexpectedValueException ? $error->getMessage() : 'not JSON';
        portico_log($config, "$url answered something that is not JSON:API ($why).");
        return portico_configuration_error($config, 'Joomla answered something that is not JSON:API');
    }
    if ($cleaned === null) {
        return portico_error(404, 'Resource not found');
    }
    $body = json_encode($cleaned, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE);
    if ($body === false || strpos($body, $config['token']) !== false) {
        portico_log($config, "$url answered with the token in its body; the answer was withheld.");
        return portico_configuration_error($config, 'Joomla answered something the proxy may not pass on');
    }
    if ($config['cache_seconds'] <= 0) {
        return [200, $body, 0, null];
    }
    // Kept no longer than until an item in it comes up or goes down, nor than the category list
    // it was checked against. From now to the millisecond: counted from the whole second, a
    // cache time of 1 s could end at once.
    $expires = microtime(true) + $config['cache_seconds'];
    foreach ([portico_next_window_change($decoded, $now), $categoriesExpire] as $sooner) {
        if ($sooner !== null) {
            $expires = min($expires, $sooner);
        }
    }
    return [200, $body, $expires, null];
}

/**
 * The cache folder, made when missing; null (and a line in the log) when it cannot be, or when
 * another account could have put answers in it: it must be this user's own, and writable by no
 * one else. (The default folder's name, in a temporary folder shared on a hosting server, is
 * known to anyone who knows the site's address: another account could make it first.)
 */
function portico_cache_directory(array $config): ?string
{
    $directory = $config['cache_dir'];
    if (!is_dir($directory) && !@mkdir($directory, 0700, true) && !is_dir($directory)) {
        portico_log($config, 'cannot create the cache directory; answering without a cache.');
        return null;
    }
    $owner = @fileowner($directory);
    $mode = @fileperms($directory);
    // Without the posix extension, only the mode is checked: a folder others may write in is still refused.
    $ownUser = function_exists('posix_geteuid') ? posix_geteuid() : $owner;
    if ($owner !== $ownUser || $mode === false || ($mode & 0022) !== 0) {
        portico_log($config, "the cache directory $directory belongs to another user or others may write in it; answering without a cache.");
        return null;
    }
    return $directory;
}

/** The latest expiry an answer read from the cache keeps: at most the cache time (or `$least` seconds) from now, so a shortened cache time applies at once. */
function portico_latest_expiry(array $config, int $least = 0): float
{
    return microtime(true) + max($least, $config['cache_seconds']);
}

/** A cached answer (its first line: expiry and status, which files of older versions lack: 200), or null when there is no fresh one. */
function portico_read_cache(array $config, string $file): ?array
{
    $stored = @file_get_contents($file);
    if ($stored === false) {
        return null;
    }
    $newline = strpos($stored, "\n");
    if ($newline === false) {
        return null;
    }
    $head = explode(' ', substr($stored, 0, $newline));
    $expires = (float) $head[0];
    $status = isset($head[1]) ? (int) $head[1] : 200;
    return $expires > microtime(true)
        ? [$status, substr($stored, $newline + 1), min($expires, portico_latest_expiry($config)), null]
        : null;
}

/** Answers from the cache, or asks Joomla once however many requests for the same thing wait (a file lock). */
function portico_cached_answer(array $config, string $path, string $query, string $kind, bool $single): array
{
    if ($config['cache_seconds'] <= 0) {
        return portico_ask_joomla($config, $path, $query, $kind, $single);
    }
    $directory = portico_cache_directory($config);
    if ($directory === null) {
        return portico_ask_joomla($config, $path, $query, $kind, $single);
    }
    $file = $directory . '/' . hash('sha256', $config['joomla_url'] . $path . '?' . $query) . '.json';
    $cached = portico_read_cache($config, $file);
    if ($cached !== null) {
        return $cached;
    }
    $lock = @fopen($file . '.lock', 'c');
    if ($lock !== false) {
        flock($lock, LOCK_EX);
        // Another request may have asked Joomla while this one waited for the lock.
        $cached = portico_read_cache($config, $file);
        if ($cached !== null) {
            flock($lock, LOCK_UN);
            fclose($lock);
            return $cached;
        }
    }
    $answer = portico_ask_joomla($config, $path, $query, $kind, $single);
    $stored = false;
    // Answers and configuration errors; not 404s (ids are endless) nor failures that may pass.
    if ($answer[2] > 0) {
        $temporary = $file . '.' . bin2hex(random_bytes(6)) . '.tmp';
        if (@file_put_contents($temporary, portico_expiry_text($answer[2]) . ' ' . $answer[0] . "\n" . $answer[1]) !== false) {
            $stored = @rename($temporary, $file);
        }
    }
    if ($lock !== false) {
        flock($lock, LOCK_UN);
        fclose($lock);
        // Nothing cached (a 404, a 502): keep no lock file, or requests for ever new ids would pile them up.
        if (!$stored) {
            @unlink($file . '.lock');
        }
    }
    // Now and then, forget answers and lock files that are long stale.
    if (random_int(1, 100) === 1) {
        $files = array_merge(glob($directory . '/*.json') ?: [], glob($directory . '/*.json.lock') ?: []);
        foreach ($files as $old) {
            if (@filemtime($old) < time() - 10 * $config['cache_seconds']) {
                @unlink($old);
            }
        }
    }
    return $answer;
}

function portico_send(array $config, array $answer, bool $head, array $extra = []): void
{
    [$status, $body, $expires, $retryAfter] = $answer;
    header_remove('X-Powered-By');
    http_response_code($status);
    header('Content-Type: application/vnd.api+json; charset=utf-8');
    header('X-Content-Type-Options: nosniff');
    $seconds = (int) ceil($expires - microtime(true));
    header('Cache-Control: ' . ($status !== 200 ? 'no-store' : ($seconds > 0 ? "public, max-age=$seconds" : 'no-cache')));
    if ($retryAfter !== null && preg_match('/^\d+$/', $retryAfter)) {
        header('Retry-After: ' . $retryAfter);
    }
    foreach ($extra as $name => $value) {
        header("$name: $value");
    }
    $allowed = $config['allowed_origins'];
    if (count($allowed) > 0) {
        header('Vary: Origin');
        $origin = $_SERVER['HTTP_ORIGIN'] ?? '';
        if (in_array('*', $allowed, true)) {
            header('Access-Control-Allow-Origin: *');
        } elseif ($origin !== '' && in_array($origin, $allowed, true)) {
            header('Access-Control-Allow-Origin: ' . $origin);
        }
    }
    header('Content-Length: ' . strlen($body));
    if (!$head) {
        echo $body;
    }
}

function portico_handle(): void
{
    $config = portico_config();
    $method = strtoupper($_SERVER['REQUEST_METHOD'] ?? 'GET');
    $head = $method === 'HEAD';
    if ($config['token'] === '') {
        portico_log($config, 'no token is configured (PORTICO_JOOMLA_TOKEN).');
        // A setup problem, as the plugins take it: not retried, and its title tells what to set.
        portico_send(
            $config,
            portico_configuration_error(
                $config,
                'The proxy has no Joomla API token: set PORTICO_JOOMLA_TOKEN (SetEnv, or the constant at the top of the proxy file)',
            ),
            $head,
        );
        return;
    }
    $uri = $_SERVER['REQUEST_URI'] ?? '/';
    $queryAt = strpos($uri, '?');
    $path = $queryAt === false ? $uri : substr($uri, 0, $queryAt);
    $query = $queryAt === false ? '' : substr($uri, $queryAt + 1);
    foreach (portico_routes() as [$pattern, $upstream, $kind, $single, $params]) {
        if (!preg_match($pattern, $path, $found)) {
            continue;
        }
        if ($method !== 'GET' && !$head) {
            portico_send($config, portico_error(405, 'Method not allowed'), $head, ['Allow' => 'GET, HEAD']);
            return;
        }
        [$upstreamQuery, $refused] = portico_upstream_query($params, portico_query_values($query));
        if ($upstreamQuery === null) {
            portico_send($config, portico_error(400, "Bad request: $refused has a value this proxy does not pass on"), $head);
            return;
        }
        $joomlaPath = str_replace('{id}', $found[1] ?? '', $upstream);
        portico_send($config, portico_cached_answer($config, $joomlaPath, $upstreamQuery, $kind, $single), $head);
        return;
    }
    portico_send($config, portico_error(404, 'Resource not found'), $head);
}

portico_handle();
