# The steps of scripts/install (sourced; uses repo, binary, prefix, destdir, purge, static).
# Every step compares before it changes anything, so running install twice changes nothing.

bin_path="$destdir$prefix/bin/storesync"
case "$prefix" in
    /usr|/usr/local) unit_dir="$destdir$prefix/lib/systemd/system" ;;
    *) unit_dir="$destdir/etc/systemd/system" ;;
esac
unit_path="$unit_dir/storesync.service"
socket_path="$unit_dir/storesync.socket"
doc_dir="$destdir$prefix/share/doc/storesync"
conf_dir="$destdir/etc/storesync"
conf_path="$conf_dir/storesync.yaml"
cred_dir="$destdir/etc/credstore"
state_dir="$destdir/var/lib/storesync"
credentials=(rd_client_id rd_api_key retagly_token)
# The socket's client group (POS users join it); the group storesync reads the configuration.
pos_group=storesync-pos
example="$repo/config/storesync.yaml"

# Users, groups, ownership and systemctl only on the real system, as root.
manage_system=0
if [ -z "$destdir" ] && [ "$(id -u)" -eq 0 ]; then manage_system=1; fi
systemd_running=0
if [ -d /run/systemd/system ]; then systemd_running=1; fi

note() { echo "install: $*" >&2; }

# ensure_dir DIR MODE [OWNER:GROUP]
ensure_dir() {
    local dir="$1" mode="$2" owner="${3:-}"
    if [ ! -d "$dir" ]; then
        mkdir -p "$dir"
        note "created $dir"
    fi
    set_mode "$dir" "$mode" "$owner"
}

# set_mode PATH MODE [OWNER:GROUP]: only what differs
set_mode() {
    local path="$1" mode="$2" owner="${3:-}"
    if [ "$(stat -c %a "$path")" != "${mode#0}" ]; then
        chmod "$mode" "$path"
        note "mode $mode on $path"
    fi
    if [ -n "$owner" ] && [ "$manage_system" -eq 1 ] && [ "$(stat -c %U:%G "$path")" != "$owner" ]; then
        chown "$owner" "$path"
        note "owner $owner on $path"
    fi
}

# put_file SOURCE DEST MODE [OWNER:GROUP]: copies only when the content differs (atomically, so a
# running binary is replaced, not overwritten), then sets mode and owner.
put_file() {
    local source="$1" dest="$2" mode="$3" owner="${4:-}"
    if [ ! -f "$dest" ] || ! cmp -s "$source" "$dest"; then
        mkdir -p "$(dirname "$dest")"
        cp "$source" "$dest.tmp.$$"
        chmod "$mode" "$dest.tmp.$$"
        mv -f "$dest.tmp.$$" "$dest"
        note "installed $dest"
    fi
    set_mode "$dest" "$mode" "$owner"
}

build_binary() {
    if [ -n "$binary" ]; then
        [ -x "$binary" ] || { note "--binary $binary is not an executable file"; exit 1; }
        return
    fi
    command -v swift >/dev/null 2>&1 || { note "swift is not installed: build elsewhere and pass --binary"; exit 1; }
    . "$repo/scripts/lib/packages.sh"
    ensure_packages libsqlite3-dev pkg-config
    local flags=(-c release --product storesync)
    if [ "$static" -eq 1 ]; then flags+=(--static-swift-stdlib); fi
    note "building: swift build ${flags[*]}"
    (cd "$repo" && swift build "${flags[@]}" >&2)
    binary="$repo/.build/release/storesync"
}

create_user() {
    if [ "$manage_system" -eq 0 ]; then
        note "skipped creating the storesync user and the groups storesync and storesync-pos (DESTDIR set or not root); create them on the target:"
        note "  groupadd --system storesync && groupadd --system $pos_group && useradd --system --gid storesync --home-dir /var/lib/storesync --shell /usr/sbin/nologin storesync"
        return
    fi
    if ! getent group storesync >/dev/null; then
        groupadd --system storesync
        note "created group storesync (reads the configuration; the daemon only)"
    fi
    if ! getent group "$pos_group" >/dev/null; then
        groupadd --system "$pos_group"
        note "created group $pos_group (add the POS user to it to use the socket: usermod -aG $pos_group POSUSER)"
    fi
    if ! getent passwd storesync >/dev/null; then
        useradd --system --gid storesync --home-dir /var/lib/storesync --no-create-home \
            --shell /usr/sbin/nologin --comment "storesync daemon" storesync
        note "created user storesync"
    fi
}

# A unit of systemd/ (storesync.service, storesync.socket) with ExecStart and Documentation
# pointing at this prefix.
rendered_unit() {
    sed -e "s|/usr/local/bin/storesync|$prefix/bin/storesync|" \
        -e "s|file:/usr/local/share/doc/storesync/|file:$prefix/share/doc/storesync/|" \
        "$repo/systemd/$1"
}

install_config() {
    ensure_dir "$conf_dir" 0750 root:storesync
    if [ ! -f "$conf_path" ]; then
        put_file "$example" "$conf_path" 0640 root:storesync
    elif cmp -s "$example" "$conf_path"; then
        set_mode "$conf_path" 0640 root:storesync
    else
        put_file "$example" "$conf_path.dist" 0640 root:storesync
        set_mode "$conf_path" 0640 root:storesync
        note "kept the edited $conf_path; the shipped example is beside it as storesync.yaml.dist"
    fi
}

install_credentials_dir() {
    ensure_dir "$cred_dir" 0700 root:root
    local name
    for name in "${credentials[@]}"; do
        if [ -f "$cred_dir/$name" ]; then set_mode "$cred_dir/$name" 0600 root:root; fi
    done
}

daemon_reload() {
    if [ "$manage_system" -eq 1 ] && [ "$systemd_running" -eq 1 ]; then
        systemctl daemon-reload
        note "systemctl daemon-reload done"
    else
        note "skipped systemctl daemon-reload (systemd not running, DESTDIR set or not root)"
    fi
}

do_install() {
    build_binary
    create_user
    put_file "$binary" "$bin_path" 0755 root:root
    local unit
    unit="$(mktemp)"
    rendered_unit storesync.service > "$unit"
    put_file "$unit" "$unit_path" 0644 root:root
    rendered_unit storesync.socket > "$unit"
    put_file "$unit" "$socket_path" 0644 root:root
    rm -f "$unit"
    put_file "$repo/docs/operations.md" "$doc_dir/operations.md" 0644 root:root
    install_config
    install_credentials_dir
    daemon_reload
    note "done. Next: put the credentials in $cred_dir (rd_client_id, rd_api_key; 0600), check with"
    note "  $prefix/bin/storesync serve --check-config, then: systemctl enable --now storesync"
    note "  (optional: systemctl enable --now storesync.socket keeps the socket open across restarts)"
    note "  POS users join $pos_group to use the socket: usermod -aG $pos_group POSUSER"
}

remove_path() {
    if [ -e "$1" ] || [ -L "$1" ]; then
        rm -rf "$1"
        note "removed $1"
    fi
}

do_uninstall() {
    if [ "$manage_system" -eq 1 ] && [ "$systemd_running" -eq 1 ]; then
        systemctl disable --now storesync.socket storesync.service >/dev/null 2>&1 || true
    fi
    remove_path "$bin_path"
    remove_path "$unit_path"
    remove_path "$socket_path"
    remove_path "$doc_dir"
    remove_path "$conf_path.dist"
    if [ "$purge" -eq 1 ]; then
        remove_path "$conf_dir"
        remove_path "$state_dir"
        local name
        for name in "${credentials[@]}"; do remove_path "$cred_dir/$name"; done
        if [ "$manage_system" -eq 1 ]; then
            if getent passwd storesync >/dev/null; then userdel storesync && note "removed user storesync"; fi
            if getent group storesync >/dev/null; then groupdel storesync && note "removed group storesync"; fi
            if getent group "$pos_group" >/dev/null; then groupdel "$pos_group" && note "removed group $pos_group"; fi
        fi
    else
        if [ -f "$conf_path" ] && cmp -s "$example" "$conf_path"; then remove_path "$conf_path"; fi
        if [ -f "$conf_path" ]; then note "kept the edited $conf_path (--purge removes it)"; fi
        if [ -d "$conf_dir" ] && [ -z "$(ls -A "$conf_dir")" ]; then rmdir "$conf_dir" && note "removed $conf_dir"; fi
        if [ -d "$state_dir" ]; then note "kept the state directory $state_dir (--purge removes it)"; fi
    fi
    daemon_reload
}
