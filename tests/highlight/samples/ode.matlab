%% Solve the Lotka-Volterra equations and plot the phase portrait
clear; close all; clc
alpha = 1.1; beta = 0.4; delta = .1; gamma = 0.4e-0;
f = @(t, y) [alpha*y(1) - beta*y(1)*y(2); ...
             delta*y(1)*y(2) - gamma*y(2)];   % the system
[t, y] = ode45(f, [0 50], [10; 10]);
figure('Name', 'Phase portrait');
plot(y(:,1), y(:,2), 'LineWidth', 1.5); hold on
xlabel("prey"); ylabel('predator''s count');
A = [1 2; 3 4]';
x = A \ [5; 6];
if norm(A*x - [5; 6]) < 1e-10 && ~isempty(x)
    disp(sprintf('ok: %g', x(1)))
elseif x(1) ~= 0
    error("bad");
end
%{
block comment
%}
for k = 1:numel(t)
    s(k).value = y(k, 1) .^ 2;   % struct array
end
function r = helper(v)
    r = sum(v(:)) / length(v);
end
!ls -la | grep mat % shell escape
