-- Neovim's built-in LSP client (0.7 API: vim.lsp.start_client + buf_attach_client) against `policylint lsp`, on a
-- policy set in a temp folder. Runs the steps the session file names and writes what the client saw to a JSON file,
-- which NeovimTests asserts. Every wait is bounded: a silent server ends the session with an error, never a hang.
--
--   POLICYLINT_SESSION=session.json nvim --headless --clean -c 'luafile session.lua'
--
-- session.json: { cmd = {...}, folder, result, timeout_ms, open = {files}, steps = {{ kind, file, line, character, ... }} }

local session = vim.fn.json_decode(table.concat(vim.fn.readfile(os.getenv('POLICYLINT_SESSION')), '\n'))
local folder = session.folder
local timeout = session.timeout_ms
local record = { steps = {}, published = {} }
local published = {} -- uri -> every diagnostics list the server published for it, in order
local client_id
local exited -- the server's exit code, once it has exited

local function relative(uri)
  return vim.uri_to_fname(uri):sub(#folder + 2)
end

local function uri_of(file)
  return vim.uri_from_fname(folder .. '/' .. file)
end

local function span(range)
  return string.format('%d:%d-%d:%d', range.start.line, range.start.character, range['end'].line, range['end'].character)
end

-- "line:character-line:character severity code", the way the test states what it expects.
local function diagnostic_text(d)
  return span(d.range) .. ' ' .. tostring(d.severity) .. ' ' .. tostring(d.code)
end

local function diagnostics_text(list)
  local out = {}
  for _, d in ipairs(list) do table.insert(out, diagnostic_text(d)) end
  table.sort(out)
  return out
end

local function location_text(location)
  local uri = location.uri or location.targetUri
  local range = location.range or location.targetSelectionRange
  return relative(uri) .. ' ' .. span(range)
end

local function wait_for(what, condition)
  local met = vim.wait(timeout, function() return exited ~= nil or condition() end, 20)
  if exited ~= nil and not condition() then error('the server exited (code ' .. exited .. ') while waiting for ' .. what) end
  if not met then error('timed out after ' .. timeout .. ' ms waiting for ' .. what) end
end

-- Waits until the server has published for uri more than `count` times and then stays quiet for quiet_ms.
local function settle(uri, count, what)
  wait_for(what, function() return #(published[uri] or {}) > count end)
  local seen = #published[uri]
  while true do
    vim.wait(session.quiet_ms, function() return #published[uri] > seen end, 20)
    if #published[uri] == seen then return published[uri][seen] end
    seen = #published[uri]
  end
end

local function buffer(file)
  local bufnr = vim.fn.bufadd(folder .. '/' .. file)
  vim.fn.bufload(bufnr)
  return bufnr
end

local function request(bufnr, method, params)
  local responses, err = vim.lsp.buf_request_sync(bufnr, method, params, timeout)
  if not responses then error(method .. ': ' .. tostring(err)) end
  local response = responses[client_id]
  if not response then error(method .. ': no response') end
  if response.err then error(method .. ': ' .. vim.inspect(response.err)) end
  return response.result
end

local function position_params(step)
  return { textDocument = { uri = uri_of(step.file) }, position = { line = step.line, character = step.character } }
end

local function edited_files(edit)
  local files = {}
  for uri, _ in pairs(edit.changes or {}) do table.insert(files, relative(uri)) end
  for _, change in ipairs(edit.documentChanges or {}) do
    if change.textDocument then table.insert(files, relative(change.textDocument.uri)) end
  end
  table.sort(files)
  return files
end

local steps = {}

function steps.diagnostics(step)
  return { diagnostics = diagnostics_text(settle(uri_of(step.file), 0, 'diagnostics of ' .. step.file)) }
end

-- Go to definition: the locations, then the client jumps to the first and the test sees where the cursor is.
function steps.definition(step)
  local bufnr = buffer(step.file)
  local result = request(bufnr, 'textDocument/definition', position_params(step))
  if result == nil then return { locations = {} } end
  if result.uri or result.targetUri then result = { result } end
  local locations = {}
  for _, location in ipairs(result) do table.insert(locations, location_text(location)) end
  if #result > 0 then
    vim.api.nvim_set_current_buf(bufnr)
    vim.lsp.util.jump_to_location(result[1], 'utf-16')
    local cursor = vim.api.nvim_win_get_cursor(0)
    return { locations = locations, jumped = vim.fn.expand('%:p'):sub(#folder + 2) .. ' ' .. (cursor[1] - 1) .. ':' .. cursor[2] }
  end
  return { locations = locations }
end

function steps.references(step)
  local params = position_params(step)
  params.context = { includeDeclaration = step.include_declaration }
  local result = request(buffer(step.file), 'textDocument/references', params) or {}
  local locations = {}
  for _, location in ipairs(result) do table.insert(locations, location_text(location)) end
  table.sort(locations)
  return { locations = locations }
end

-- Rename: prepareRename, then the WorkspaceEdit applied by the client, every buffer written, the diagnostics after it.
function steps.rename(step)
  local bufnr = buffer(step.file)
  local prepared = request(bufnr, 'textDocument/prepareRename', position_params(step))
  local params = position_params(step)
  params.newName = step.new_name
  local edit = request(bufnr, 'textDocument/rename', params)
  if edit == nil then error('textDocument/rename answered no WorkspaceEdit (prepareRename: ' .. vim.inspect(prepared) .. ')') end
  local counts = {}
  for uri, list in pairs(published) do counts[uri] = #list end
  vim.lsp.util.apply_workspace_edit(edit, 'utf-16')
  vim.cmd('silent wall')
  local after = {}
  for _, file in ipairs(step.diagnostics_of or {}) do
    local uri = uri_of(file)
    after[file] = diagnostics_text(settle(uri, counts[uri] or 0, 'diagnostics of ' .. file .. ' after the rename'))
  end
  return { prepared = prepared and prepared.range and span(prepared.range) or (prepared and span(prepared)) or vim.NIL, files = edited_files(edit), diagnostics = after }
end

-- A code action for the diagnostic at the position with the given code: the titles offered, then the one whose title
-- starts with step.title applied as the client applies it, and the next diagnostics the server publishes for the file.
function steps.code_action(step)
  local uri = uri_of(step.file)
  local bufnr = buffer(step.file)
  local current = published[uri][#published[uri]]
  local diagnostic
  for _, d in ipairs(current) do
    if d.code == step.code and d.range.start.line == step.line and d.range.start.character == step.character then diagnostic = d end
  end
  if not diagnostic then error('no ' .. step.code .. ' at ' .. step.line .. ':' .. step.character .. ' in ' .. step.file) end
  local actions = request(bufnr, 'textDocument/codeAction', { textDocument = { uri = uri }, range = diagnostic.range, context = { diagnostics = { diagnostic } } }) or {}
  local titles, chosen = {}, nil
  for _, action in ipairs(actions) do
    table.insert(titles, action.title)
    if not chosen and action.title:sub(1, #step.title) == step.title then chosen = action end
  end
  if not chosen then return { titles = titles } end
  if not chosen.edit and not chosen.command and chosen.data then chosen = request(bufnr, 'codeAction/resolve', chosen) end
  local count = #published[uri]
  if chosen.edit then vim.lsp.util.apply_workspace_edit(chosen.edit, 'utf-16') end
  if chosen.command then
    local command = type(chosen.command) == 'table' and chosen.command or chosen
    request(bufnr, 'workspace/executeCommand', { command = command.command, arguments = command.arguments })
  end
  wait_for('diagnostics of ' .. step.file .. ' after the code action', function() return #published[uri] > count end)
  return { titles = titles, applied = chosen.title, next = diagnostics_text(published[uri][count + 1]) }
end

local function run()
  client_id = vim.lsp.start_client({
    name = 'policylint',
    cmd = session.cmd,
    root_dir = folder,
    flags = { debounce_text_changes = 0 },
    on_exit = function(code) exited = code end,
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
        published[result.uri] = published[result.uri] or {}
        table.insert(published[result.uri], result.diagnostics)
        return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
      end,
    },
  })
  if not client_id then error('vim.lsp.start_client failed for ' .. table.concat(session.cmd, ' ')) end
  for _, file in ipairs(session.open) do
    vim.cmd('edit ' .. vim.fn.fnameescape(folder .. '/' .. file))
    vim.lsp.buf_attach_client(0, client_id)
  end
  wait_for('the server to initialize', function()
    local client = vim.lsp.get_client_by_id(client_id)
    return client ~= nil and client.initialized
  end)
  for _, step in ipairs(session.steps) do
    local result = steps[step.kind](step)
    result.kind = step.kind
    table.insert(record.steps, result)
  end
end

local ok, err = xpcall(run, debug.traceback)
if not ok then record.error = err end
for uri, list in pairs(published) do
  local texts = {}
  for _, diagnostics in ipairs(list) do table.insert(texts, diagnostics_text(diagnostics)) end
  record.published[relative(uri)] = texts
end
vim.fn.writefile({ vim.fn.json_encode(record) }, session.result)
if client_id then
  vim.lsp.stop_client(client_id)
  vim.wait(2000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 20)
end
vim.cmd('qall!')
